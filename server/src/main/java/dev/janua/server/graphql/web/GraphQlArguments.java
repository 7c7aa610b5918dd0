package dev.janua.server.graphql.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;

/**
 * Lets GraphQL handlers declare {@link Caller} and {@link ClientInfo} parameters exactly as REST
 * handlers do, with the same rule: a {@code Caller} parameter requires authentication, and API
 * keys reach only handlers marked {@link AcceptsApiKeys}.
 */
@Component
public class GraphQlArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == ClientInfo.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment env) {
        GraphQlRequestScope scope = GraphQlRequestScope.of(env.getGraphQlContext());
        if (parameter.getParameterType() == ClientInfo.class) return scope.client();
        Caller caller = scope.caller();
        if (caller.isApiKey() && !acceptsApiKeys(parameter)) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "user_session_required"));
        }
        return caller;
    }

    private static boolean acceptsApiKeys(MethodParameter parameter) {
        return AnnotatedElementUtils.hasAnnotation(parameter.getExecutable(), AcceptsApiKeys.class)
                || AnnotatedElementUtils.hasAnnotation(parameter.getContainingClass(), AcceptsApiKeys.class);
    }

    /** For batch loaders, which Spring for GraphQL does not give custom arguments. */
    static Caller caller(graphql.GraphQLContext context) {
        return GraphQlRequestScope.of(context).caller();
    }
}
