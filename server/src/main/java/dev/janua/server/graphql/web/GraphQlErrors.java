package dev.janua.server.graphql.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * The GraphQL twin of {@code ApiExceptionHandler}: a resolver's {@link JanuaException} becomes an
 * error whose {@code extensions} carry the same permanent {@code code}, the HTTP status REST would
 * have answered, and the details; the message is localised from the same bundles. Anything else is
 * logged and answered {@code INTERNAL_ERROR} without its text.
 */
@Component
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {
    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);
    private final MessageSource messages;

    public GraphQlErrors(MessageSource messages) {
        this.messages = messages;
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return switch (ex) {
            case JanuaException j -> error(env, j.code(), j.details());
            case DuplicateKeyException d -> error(env, ErrorCode.CONFLICT, Map.of());
            case DataIntegrityViolationException d -> error(env, ErrorCode.VALIDATION_ERROR, Map.of("reason", "constraint_violation"));
            default -> {
                log.error("unexpected failure in GraphQL field {}", env.getExecutionStepInfo().getPath(), ex);
                yield error(env, ErrorCode.INTERNAL_ERROR, Map.of());
            }
        };
    }

    GraphQLError error(DataFetchingEnvironment env, ErrorCode code, Map<String, Object> details) {
        return GraphqlErrorBuilder.newError(env).message(message(code, env.getLocale())).errorType(classification(code))
                .extensions(extensions(code, details)).build();
    }

    String message(ErrorCode code, Locale locale) {
        return messages.getMessage(code.messageKey(), null, code.name(), locale == null ? Locale.ENGLISH : locale);
    }

    static Map<String, Object> extensions(ErrorCode code, Map<String, Object> details) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code.name());
        ext.put("status", code.status().value());
        if (details != null && !details.isEmpty()) ext.put("details", details);
        return ext;
    }

    static ErrorClassification classification(ErrorCode code) {
        return switch (code.status().value()) {
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            case 500, 503 -> ErrorType.INTERNAL_ERROR;
            default -> ErrorType.BAD_REQUEST;
        };
    }
}
