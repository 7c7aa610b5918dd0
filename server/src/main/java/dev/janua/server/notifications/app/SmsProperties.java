package dev.janua.server.notifications.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code JANUA_SMS_PROVIDER=dev|http}. The HTTP provider POSTs each message to
 * {@code JANUA_SMS_HTTP_URL}, as JSON {@code {"to","from","body"}} or, with
 * {@code JANUA_SMS_HTTP_FORMAT=form}, as Twilio's form fields {@code To, From, Body};
 * {@code JANUA_SMS_HTTP_AUTHORIZATION} is sent as the Authorization header.
 */
@ConfigurationProperties("janua.sms")
public record SmsProperties(
        @DefaultValue("dev") String provider,
        @DefaultValue("") String httpUrl,
        @DefaultValue("json") String httpFormat,
        @DefaultValue("") String httpAuthorization,
        @DefaultValue("Janua") String from,
        @DefaultValue("10s") Duration httpTimeout) {}
