package dev.janua.server.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler (or every handler of a controller) that server-side callers may reach with an
 * API key. Elsewhere a {@link Caller} parameter accepts user sessions only: an endpoint about "me"
 * has no meaning for a key, and opting in keeps that decision visible at each route.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AcceptsApiKeys {}
