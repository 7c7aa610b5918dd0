package dev.janua.server.hosted;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders hosted pages (HTML, not JSON): its failures are shown on the
 * hosted error page in the visitor's language instead of the API's JSON error body.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HostedPages {}
