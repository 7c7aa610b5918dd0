package dev.janua.server.console.web;

import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.web.HostedSecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's filter chain: the hosted pages' browser session ({@code janua_session}), CSRF
 * token store and headers, but every page needs a signed-in person: without one the browser goes
 * to the hosted sign-in and comes back. Whether that person may use the console is decided after
 * (by {@link ConsoleInterceptor}), where the route is known.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfig {
    public static final int ORDER = HostedSecurityConfig.ORDER + 1;

    @Bean
    @Order(ORDER)
    SecurityFilterChain consoleSecurity(HttpSecurity http, HostedSecurity hosted) throws Exception {
        hosted.browserPages(http.securityMatcher("/console", "/console/**"))
                .exceptionHandling(e -> e.authenticationEntryPoint(hosted.signInEntryPoint()).accessDeniedHandler(hosted.csrfRefused()))
                .authorizeHttpRequests(a -> a.requestMatchers("/console/assets/**").permitAll()
                        .anyRequest().authenticated());
        hosted.apply(http);
        return http.build();
    }
}
