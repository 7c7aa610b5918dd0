package dev.janua.server.hosted.web;

import dev.janua.server.hosted.HostedSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

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
        http.securityMatcher("/hosted/**")
                .csrf(c -> c.csrfTokenRepository(hosted.csrfTokens()))
                // the cookie filter authenticates every request afresh: nothing to store, and no session
                // strategy (it would rotate the CSRF token on every signed-in request, breaking a second tab)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    // a missing or wrong CSRF token: the error page, in the visitor's language
                    request.setAttribute(HostedErrorController.ERROR_CODE, "CSRF_INVALID");
                    response.setStatus(403);
                    request.getRequestDispatcher(HostedErrorController.PATH).forward(request, response);
                }))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        hosted.apply(http);
        return http.build();
    }
}
