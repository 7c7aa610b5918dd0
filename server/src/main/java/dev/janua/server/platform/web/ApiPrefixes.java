package dev.janua.server.platform.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The one place where the API's prefixes are declared: every {@link JanuaApi} route answers under
 * the canonical {@code /api/v1} and under {@code /v1} (seeds 000 and 004), by {@link IndexedRequestMappings}.
 */
@Component
public class ApiPrefixes implements WebMvcRegistrations {
    public static final String[] PREFIXES = {"/api/v1", "/v1"};

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new IndexedRequestMappings();
    }
}
