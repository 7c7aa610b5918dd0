package dev.janua.server.graphql.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.support.Api;
import dev.janua.server.support.FunctionalRoutes;
import dev.janua.server.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL is a development convenience: the routes {@link GraphQlEndpoints} builds for a
 * production configuration have no {@code /graphiql}, and in development the page sits behind the
 * route guard like every route not on the allow-list (RouteAccessIntegrationTest enumerates it).
 */
class GraphiQlOnlyInDevelopmentIntegrationTest extends IntegrationTest {
    @Autowired
    GraphQlHttpHandler handler;
    @Autowired
    JanuaProperties janua;

    @Test
    void productionRoutesHaveNoGraphiQlAndDevelopmentRoutesDo() {
        JanuaProperties production = new JanuaProperties("production", janua.dataDir(), janua.databaseUrl(), janua.redisUrl(),
                janua.baseUrl(), janua.masterKey(), janua.smtpUrl(), janua.mailFrom(), janua.adminEmail(), janua.adminPassword(),
                janua.maxRequestBytes(), janua.trustProxy(), janua.tokens(), janua.sessions(), janua.passwords());
        GraphQlEndpoints endpoints = new GraphQlEndpoints();
        assertThat(paths(endpoints.januaGraphQlAliases(handler, production))).containsExactly("/v1/graphql", "/graphql");
        assertThat(paths(endpoints.januaGraphQlAliases(handler, janua))).containsExactly("/v1/graphql", "/graphql", "/graphiql");
    }

    @Test
    void graphiQlNeedsCredentialsInDevelopment() {
        Api.Response anonymous = api.get("/graphiql?path=/api/v1/graphql");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
        String token = accessToken(signUp(uniqueEmail("graphiql")));
        Api.Response page = api.get("/graphiql?path=/api/v1/graphql", "Authorization", Api.bearer(token));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).containsIgnoringCase("graphiql");
    }

    private static List<String> paths(RouterFunction<ServerResponse> routes) {
        return FunctionalRoutes.of(routes).stream().map(FunctionalRoutes.Route::path).toList();
    }
}
