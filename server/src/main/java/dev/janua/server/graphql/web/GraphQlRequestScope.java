package dev.janua.server.graphql.web;

import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import graphql.GraphQLContext;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a GraphQL operation knows of its HTTP request: who calls (authenticated on first use by the
 * same {@code CallerAuthenticator} as REST, once per request) and where from. A failed
 * authentication is remembered and rethrown to every field that needs a caller, so each answers
 * with the same code ({@code UNAUTHORIZED}, {@code INVALID_TOKEN}, {@code SESSION_EXPIRED}).
 */
public final class GraphQlRequestScope {
    static final String ATTRIBUTE = GraphQlRequestScope.class.getName();
    static final String CONTEXT_KEY = "janua.request";
    private final Supplier<Caller> authenticate;
    private final ClientInfo client;
    private Caller caller;
    private JanuaException failure;

    GraphQlRequestScope(Supplier<Caller> authenticate, ClientInfo client) {
        this.authenticate = Objects.requireNonNull(authenticate);
        this.client = Objects.requireNonNull(client);
    }

    synchronized Caller caller() {
        if (caller == null && failure == null) {
            try {
                caller = authenticate.get();
            } catch (JanuaException e) {
                failure = e;
            }
        }
        if (failure != null) throw failure;
        return caller;
    }

    ClientInfo client() {
        return client;
    }

    static GraphQlRequestScope of(GraphQLContext context) {
        GraphQlRequestScope scope = context.get(CONTEXT_KEY);
        if (scope == null) throw new IllegalStateException("GraphQL request without its Janua request scope");
        return scope;
    }
}
