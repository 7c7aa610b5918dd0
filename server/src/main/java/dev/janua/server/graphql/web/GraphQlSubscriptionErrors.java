package dev.janua.server.graphql.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * What {@link GraphQlErrors} does for fields, for subscription streams: a {@link JanuaException}
 * ending a stream (refused at the start, or the session revoked later) becomes an error with the
 * same {@code extensions.code}, sent as the operation's graphql-transport-ws {@code error} message.
 */
@Component
public class GraphQlSubscriptionErrors extends SubscriptionExceptionResolverAdapter {
    private final GraphQlErrors errors;

    public GraphQlSubscriptionErrors(GraphQlErrors errors) {
        this.errors = errors;
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        ErrorCode code = ex instanceof JanuaException j ? j.code() : ErrorCode.INTERNAL_ERROR;
        Map<String, Object> details = ex instanceof JanuaException j ? j.details() : Map.of();
        return GraphqlErrorBuilder.newError().message(errors.message(code, Locale.ENGLISH)).errorType(GraphQlErrors.classification(code))
                .extensions(GraphQlErrors.extensions(code, details)).build();
    }
}
