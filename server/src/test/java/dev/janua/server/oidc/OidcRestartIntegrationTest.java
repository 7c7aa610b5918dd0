package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.webhooks.JanuaProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Applications and authorizations live in the database, not in a process: a Janua process (a
 * separate OS process, with a database of its own) registers an application and issues tokens, is
 * killed with SIGKILL and started again; the application's secret, the access token and the refresh
 * token all still work.
 */
class OidcRestartIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://restart.example.com/cb";

    @Test
    void applicationsAndAuthorizationsSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("janua-oidc-restart-");
        String dbUrl = TestDatabase.isPostgres() ? TestDatabase.scratchDatabaseUrl()
                : "jdbc:h2:file:" + dataDir.resolve("janua") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                        + ";AUTO_SERVER=TRUE";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("janua.database-url", dbUrl);
        if (!TestDatabase.isPostgres()) props.put("spring.datasource.username", "sa");
        props.put("janua.data-dir", dataDir.toString());
        props.put("janua.rate-limits.exempt-ips", "127.0.0.1");
        props.put("janua.admin-email", BOOTSTRAP_ADMIN_EMAIL);
        props.put("janua.admin-password", BOOTSTRAP_ADMIN_PASSWORD);
        int port = JanuaProcess.freePort();
        String base = "http://localhost:" + port;
        try (JanuaProcess janua = JanuaProcess.start(port, props, dataDir.resolve("janua.log")).awaitReady(JanuaProcess.START_TIMEOUT)) {
            Api node = new Api(port);
            Api.Response signin = node.post("/api/v1/auth/signin", Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD));
            assertThat(signin.status()).as(signin.raw().body()).isEqualTo(200);
            String admin = accessToken(signin);
            Api.Response reg = node.post("/api/v1/applications", Api.map("name", "Survivor", "type", "confidential",
                    "redirectUris", List.of(REDIRECT), "firstParty", true,
                    "grantTypes", List.of("authorization_code", "refresh_token", "client_credentials")), "Authorization", Api.bearer(admin));
            assertThat(reg.status()).as(reg.raw().body()).isEqualTo(201);
            App app = new App(reg.text("/id"), reg.text("/clientId"), reg.text("/clientSecret"), List.of(REDIRECT));

            String email = uniqueEmail("oidc-restart");
            assertThat(node.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(201);
            BrowserClient b = new BrowserClient(base);
            assertThat(submitPassword(b, "/hosted/sign-in", email, PASSWORD).statusCode()).isEqualTo(303);
            Pkce pkce = Pkce.create();
            String code = query(location(b.get(authorizeUrl(app, REDIRECT, "openid email", "s", null, pkce)))).get("code");
            HttpResponse<String> tokens = tokenPost(base, "/oauth2/token", app, app.secret(), Map.of("grant_type", "authorization_code",
                    "code", code, "redirect_uri", REDIRECT, "code_verifier", pkce.verifier()));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            String access = json(tokens).path("access_token").asString();
            String refresh = json(tokens).path("refresh_token").asString();

            janua.kill();
            janua.restart().awaitReady(JanuaProcess.START_TIMEOUT);

            assertThat(tokenPost(base, "/oauth2/token", app, app.secret(), Map.of("grant_type", "client_credentials")).statusCode())
                    .as("the application and its secret survived").isEqualTo(200);
            assertThat(json(tokenPost(base, "/oauth2/introspect", app, app.secret(), Map.of("token", access))).path("active").asBoolean())
                    .as("the authorization survived").isTrue();
            HttpResponse<String> userinfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/userinfo"))
                    .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
            assertThat(json(userinfo).path("email").asString()).isEqualTo(email);
            HttpResponse<String> refreshed = tokenPost(base, "/oauth2/token", app, app.secret(),
                    Map.of("grant_type", "refresh_token", "refresh_token", refresh));
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        }
    }
}
