package dev.janua.server.hosted.web;

import dev.janua.server.hosted.HostedSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The hosted pages' own filter chain: its securityMatcher covers {@code /hosted/**} only and it is
 * ordered before the API's chain, so whatever the API chain allows or denies does not touch it.
 * CSRF is on (double-submit cookie); there is never an HTTP session. Pages decide for themselves
 * whether they need a signed-in person (sign-in does not; the account page does).
 */
@Configuration(proxyBeanMethods = false)
public class HostedSecurityConfig {
    public static final int ORDER = 20;

    @Bean
    @Order(ORDER)
    SecurityFilterChain hostedPagesSecurity(HttpSecurity http, HostedSecurity hosted) throws Exception {
        hosted.browserPages(http.securityMatcher("/hosted/**"))
                .exceptionHandling(e -> e.accessDeniedHandler(hosted.csrfRefused()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        hosted.apply(http);
        return http.build();
    }
}
