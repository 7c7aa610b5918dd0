package dev.janua.server.graphql.web;

import dev.janua.server.graphql.GraphQlProperties;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.introspection.Introspection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Carries the request scope into the GraphQL context, switches introspection off where configured,
 * and gives the errors graphql-java raises before any resolver runs (syntax, validation, the depth
 * and complexity limits) a Janua code too: {@code INVALID_REQUEST} or {@code QUERY_TOO_COMPLEX}.
 */
@Component
public class GraphQlRequestInterceptor implements WebGraphQlInterceptor {
    private final boolean introspection;
    private final GraphQlErrors errors;

    public GraphQlRequestInterceptor(GraphQlProperties properties, JanuaProperties janua, GraphQlErrors errors) {
        this.introspection = properties.introspectionEnabled(janua.isProduction());
        this.errors = errors;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object scope = request.getAttributes().get(GraphQlRequestScope.ATTRIBUTE);
        Locale locale = request.getLocale();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(ctx -> {
            if (scope != null) ctx.put(GraphQlRequestScope.CONTEXT_KEY, scope);
            if (!introspection) ctx.put(Introspection.INTROSPECTION_DISABLED, true);
        }).build());
        return chain.next(request).map(response -> withCodes(response, locale));
    }

    private WebGraphQlResponse withCodes(WebGraphQlResponse response, Locale locale) {
        List<ResponseError> all = response.getErrors();
        if (all.isEmpty() || all.stream().allMatch(e -> e.getExtensions().containsKey("code"))) return response;
        List<GraphQLError> coded = all.stream().map(e -> coded(e, locale)).toList();
        return response.transform(b -> b.errors(coded));
    }

    private GraphQLError coded(ResponseError e, Locale locale) {
        Map<String, Object> ext = new LinkedHashMap<>(e.getExtensions());
        ErrorClassification type = e.getErrorType();
        String message = e.getMessage();
        if (!ext.containsKey("code")) {
            ErrorCode code = tooComplex(e) ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.INVALID_REQUEST;
            ext.putAll(GraphQlErrors.extensions(code, Map.of()));
            if (code == ErrorCode.QUERY_TOO_COMPLEX) message = errors.message(code, locale);
        }
        var b = GraphqlErrorBuilder.newError().message(message).errorType(type).extensions(ext);
        if (e.getLocations() != null) b.locations(e.getLocations());
        if (!e.getParsedPath().isEmpty()) b.path(e.getParsedPath());
        return b.build();
    }

    /** The depth and complexity instrumentations abort execution with these messages. */
    private static boolean tooComplex(ResponseError e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return e.getErrorType() == ErrorType.ExecutionAborted || m.contains("maximum query depth") || m.contains("maximum query complexity");
    }
}
