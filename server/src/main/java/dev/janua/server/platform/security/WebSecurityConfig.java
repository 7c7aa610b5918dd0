package dev.janua.server.platform.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Security supplies the response hardening headers and a stateless chain; who may call a
 * route is decided by the route itself (it asks for a {@link Caller}, and checks roles in its
 * service), so unknown routes still answer 404 and not 401.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfig implements WebMvcConfigurer {
    private final CallerAuthenticator authenticator;

    public WebSecurityConfig(CallerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Bean
    SecurityFilterChain januaSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(authenticator));
    }
}
