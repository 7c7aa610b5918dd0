package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The indexed lookup ranks overlapping routes as Spring's walk does (Janua's own routes barely overlap, so
 * {@code LeanDispatchIntegrationTest} alone would not notice a wrong ranking).
 */
class IndexedRequestMappingsTest {
    @RestController
    static class Overlapping {
        @GetMapping("/t/{a}/x") String ax() { return ""; }
        @GetMapping("/t/{a}/{b}") String ab() { return ""; }
        @GetMapping("/t/y/{b}") String yb() { return ""; }
        @GetMapping("/t/y/x") String yx() { return ""; }
        @PostMapping("/t/{a}/{b}") String postAb() { return ""; }
        @GetMapping("/t/**") String rest() { return ""; }
        @GetMapping("/{*all}") String all() { return ""; }
        @GetMapping({"/u/{id}", "/v/{id}/w"}) String two() { return ""; }
    }

    @Test
    void overlappingRoutesAreRankedAsSpringRanksThem() throws Exception {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("overlapping", Overlapping.class);
        context.refresh();
        IndexedRequestMappings mappings = new IndexedRequestMappings();
        mappings.setApplicationContext(context);
        mappings.afterPropertiesSet();
        int indexedAnswers = 0;
        for (String method : List.of("GET", "POST", "DELETE")) {
            for (String path : List.of("/t/y/x", "/t/q/x", "/t/y/z", "/t/q/z", "/t/q/r/s", "/t", "/t/", "/u/1", "/v/1/w", "/v/1/z", "/z",
                    "/t/y/x/", "/T/y/x", "/t/%79/x", "/t//q/x")) {
                String indexed = lookup(mappings, method, path, true), springs = lookup(mappings, method, path, false);
                assertThat(indexed).as(method + " " + path).isEqualTo(springs);
                if (!indexed.contains("Exception")) indexedAnswers++;
            }
        }
        assertThat(indexedAnswers).isGreaterThan(15);
        // the ranking itself: the more specific route wins, as in Spring
        assertThat(lookup(mappings, "GET", "/t/q/x", true)).contains("ax()");
        assertThat(lookup(mappings, "GET", "/t/y/z", true)).contains("yb()");
        assertThat(lookup(mappings, "GET", "/t/q/r/s", true)).contains("rest()");
    }

    /** The handler, pattern and variables a lookup settles on, or the exception it throws. */
    static String lookup(IndexedRequestMappings mappings, String method, String path, boolean indexed) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
        try {
            HandlerMethod m = indexed ? mappings.lookupHandlerMethod(lookupPath, request) : mappings.springsLookup(lookupPath, request);
            return m + " " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
                    + " " + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception ex) {
            return ex.getClass().getName();
        }
    }
}
