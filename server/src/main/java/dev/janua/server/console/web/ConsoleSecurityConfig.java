package dev.janua.server.console.web;

import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.web.HostedErrorController;
import dev.janua.server.hosted.web.HostedSecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

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
        http.securityMatcher("/console", "/console/**")
                .csrf(c -> c.csrfTokenRepository(hosted.csrfTokens()))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(hosted.signInEntryPoint())
                        .accessDeniedHandler((request, response, denied) -> {
                            // a missing or wrong CSRF token: the hosted error page, as on the hosted forms
                            request.setAttribute(HostedErrorController.ERROR_CODE, "CSRF_INVALID");
                            response.setStatus(403);
                            request.getRequestDispatcher(HostedErrorController.PATH).forward(request, response);
                        }))
                .authorizeHttpRequests(a -> a.requestMatchers("/console/assets/**").permitAll()
                        .anyRequest().authenticated());
        hosted.apply(http);
        return http.build();
    }
}
