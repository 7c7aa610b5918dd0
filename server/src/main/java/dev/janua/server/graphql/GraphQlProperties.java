package dev.janua.server.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.graphql.*}: query limits, and whether introspection and the GraphiQL page answer.
 * Introspection left unset follows the environment: on in development, off when
 * {@code janua.env=production} (set {@code JANUA_GRAPHQL_INTROSPECTION=true} to keep it there).
 * GraphiQL is a development convenience and never served in production.
 */
@ConfigurationProperties("janua.graphql")
public record GraphQlProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("1000") int maxComplexity,
        Boolean introspection) {

    public boolean introspectionEnabled(boolean production) {
        return introspection == null ? !production : introspection;
    }
}
