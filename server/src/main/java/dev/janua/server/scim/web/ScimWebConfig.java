package dev.janua.server.scim.web;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.scim.app.ScimTokenService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** SCIM token authentication and per-token rate limits on the SCIM paths under every API prefix, after Spring Security's chain. */
@Configuration(proxyBeanMethods = false)
class ScimWebConfig {
    @Bean
    FilterRegistrationBean<ScimAuthenticationFilter> scimAuthentication(ScimTokenService tokens, RateLimits limits, JanuaProperties properties) {
        FilterRegistrationBean<ScimAuthenticationFilter> r = new FilterRegistrationBean<>(new ScimAuthenticationFilter(tokens, limits, properties.trustProxy()));
        r.addUrlPatterns("/api/v1/scim/*", "/v1/scim/*");
        r.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        r.setName("scimAuthentication");
        return r;
    }
}
