package dev.janua.server.platform.security;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.ErrorResponses;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's security chain: stateless, response hardening headers, no sessions or forms. Who may
 * call a route is decided once the route is known, by {@link RouteGuard} against the allow-list in
 * {@link AnonymousRoutes}: every route not listed needs an access token or an API key.
 *
 * <p>The chain is the catch-all and comes last: a module with browser-facing paths (hosted pages, the
 * OpenID provider) adds its own {@code SecurityFilterChain} with a {@code securityMatcher} and a lower
 * {@code @Order}; requests it authenticates pass the route guard.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfig implements WebMvcConfigurer {
    /** The API chain's order: after every chain that matches only some paths. */
    public static final int API_CHAIN_ORDER = Ordered.LOWEST_PRECEDENCE;
    private final CallerAuthenticator authenticator;

    public WebSecurityConfig(CallerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain januaSecurity(HttpSecurity http, ErrorResponses errors) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                // no request wrapper for getUserPrincipal()/isUserInRole(): no API code asks the servlet request who
                // calls (the Caller comes from the bearer authenticator), and the wrapper cost every request a layer
                .servletApi(s -> s.disable())
                // the route guard denies by default, after the route is matched (so unknown paths stay 404)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // should anything in the chain refuse a request, it still gets the error body
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> errors.write(req, res, ErrorCode.UNAUTHORIZED, Map.of()))
                        .accessDeniedHandler((req, res, ex) -> errors.write(req, res, ErrorCode.FORBIDDEN, Map.of())));
        return http.build();
    }

    /**
     * No observation wrapper around each security filter: observations of Spring Security are switched
     * off anyway ({@code management.observations.enable.spring.security: false}), but the wrapper stayed
     * and cost a no-op observation and a predicate lookup per filter per request (issue 16's profile).
     */
    @Bean
    static SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, its header checks without a regular expression: {@link HeaderFirewall}. */
    @Bean
    static HttpFirewall httpFirewall() {
        return HeaderFirewall.create();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RouteGuard(authenticator));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(authenticator));
    }
}
