package dev.janua.server.notifications.app;

import dev.janua.server.notifications.SmsProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the SMS provider from {@code JANUA_SMS_PROVIDER}; an operator's own {@link SmsProvider} bean wins. */
@Configuration(proxyBeanMethods = false)
class SmsConfig {
    @Bean
    @ConditionalOnMissingBean(SmsProvider.class)
    SmsProvider smsProvider(SmsProperties p) {
        return switch (p.provider().toLowerCase(java.util.Locale.ROOT)) {
            case "dev", "development", "log" -> new DevSmsOutbox();
            case "http" -> new HttpSmsProvider(p.httpUrl(), p.httpFormat(), p.httpAuthorization(), p.from(), p.httpTimeout());
            default -> throw new IllegalStateException("JANUA_SMS_PROVIDER must be dev or http, got " + p.provider());
        };
    }
}
