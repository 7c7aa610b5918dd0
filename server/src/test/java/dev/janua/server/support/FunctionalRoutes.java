package dev.janua.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The routes of a {@link RouterFunction} (Spring for GraphQL's endpoint, the GraphQL aliases,
 * GraphiQL), which the handler-method listings do not show: its predicates walked with the visitors
 * Spring provides, keeping each route's path patterns, methods (empty: any) and required Content-Type.
 */
public final class FunctionalRoutes {
    private FunctionalRoutes() {}

    public record Route(List<String> methods, String path, String contentType) {}

    public static List<Route> of(RouterFunction<?> function) {
        List<Route> routes = new ArrayList<>();
        function.accept(new RouterFunctions.Visitor() {
            @Override
            public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
                Parts parts = new Parts();
                predicate.accept(parts);
                for (String path : parts.paths) routes.add(new Route(List.copyOf(parts.methods), path, parts.contentType));
            }

            @Override
            public void startNested(RequestPredicate predicate) {}

            @Override
            public void endNested(RequestPredicate predicate) {}

            @Override
            public void resources(Function<ServerRequest, Optional<Resource>> lookup) {}

            @Override
            public void attributes(Map<String, Object> attributes) {}

            @Override
            public void unknown(RouterFunction<?> routerFunction) {}
        });
        return routes;
    }

    private static final class Parts implements RequestPredicates.Visitor {
        final List<String> paths = new ArrayList<>();
        final List<String> methods = new ArrayList<>();
        String contentType = MediaType.APPLICATION_JSON_VALUE;

        @Override
        public void method(Set<HttpMethod> m) {
            m.forEach(x -> methods.add(x.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void header(String name, String value) {
            if ("Content-Type".equalsIgnoreCase(name) && value != null && !value.isBlank()) {
                contentType = value.replaceAll("[\\[\\]]", "").split(",")[0].trim();
            }
        }

        @Override
        public void pathExtension(String extension) {}

        @Override
        public void param(String name, String value) {}

        @Override
        public void version(String version) {}

        @Override
        public void startAnd() {}

        @Override
        public void and() {}

        @Override
        public void endAnd() {}

        @Override
        public void startOr() {}

        @Override
        public void or() {}

        @Override
        public void endOr() {}

        @Override
        public void startNegate() {}

        @Override
        public void endNegate() {}

        @Override
        public void unknown(RequestPredicate predicate) {}
    }
}
