package dev.janua.server.graphql.web;

import dev.janua.server.graphql.GraphQlProperties;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.security.CallerAuthenticator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphiQlHandler;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Where GraphQL answers: {@code /api/v1/graphql} (Spring Boot's own route, {@code
 * spring.graphql.http.path}), and the aliases {@code /v1/graphql} (seed 000) and {@code /graphql}
 * on the same handler. The GraphiQL page ({@code /graphiql}) only outside production. Depth and
 * complexity limits are graphql-java's instrumentations, which Boot applies to every operation.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlEndpoints {
    public static final String PATH = "/api/v1/graphql";
    public static final String[] PATHS = {PATH, "/v1/graphql", "/graphql"};

    @Bean
    @Order(0)
    RouterFunction<ServerResponse> januaGraphQlAliases(GraphQlHttpHandler handler, JanuaProperties janua) {
        var routes = RouterFunctions.route();
        for (String path : new String[] {"/v1/graphql", "/graphql"}) {
            routes.POST(path, RequestPredicates.contentType(MediaType.APPLICATION_JSON)
                    .and(RequestPredicates.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)), handler::handleRequest);
        }
        if (!janua.isProduction()) {
            GraphiQlHandler graphiQl = new GraphiQlHandler(PATH, "");
            routes.GET("/graphiql", graphiQl::handleRequest);
        }
        return routes.build();
    }

    @Bean
    FilterRegistrationBean<GraphQlRequestFilter> graphQlRequestFilter(CallerAuthenticator authenticator, JanuaProperties janua) {
        var bean = new FilterRegistrationBean<>(new GraphQlRequestFilter(authenticator, janua.trustProxy()));
        bean.addUrlPatterns(PATHS);
        bean.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return bean;
    }

    @Bean
    Instrumentation graphQlMaxDepth(GraphQlProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth());
    }

    @Bean
    Instrumentation graphQlMaxComplexity(GraphQlProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxComplexity());
    }
}
