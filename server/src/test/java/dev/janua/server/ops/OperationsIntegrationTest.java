package dev.janua.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.tokens.app.SigningKeyRing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Health, readiness, metrics, the OpenAPI document, JWKS and signing-key rotation. */
class OperationsIntegrationTest extends IntegrationTest {
    @Autowired
    SigningKeyRing keys;

    @Test
    void healthReadyAndDetailedHealthAnswer() {
        assertThat(api.get("/health").text("/status")).isEqualTo("healthy");
        Api.Response ready = api.get("/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text("/checks/migrations")).isEqualTo("applied");
        Api.Response detailed = api.get("/api/v1/health/detailed");
        assertThat(detailed.text("/checks/database/status")).isEqualTo("healthy");
        assertThat(detailed.json().at("/checks/database/responseTime").isNumber()).isTrue();
    }

    @Test
    void prometheusMetricsIncludeHttpServerRequests() {
        api.get("/health");
        Api.Response metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes")
                // no long task timer around every request (issue 16: its start and stop cost 3 % of a cheap request)
                .doesNotContain("http_server_requests_active_seconds");
    }

    @Test
    void theOpenApiDocumentCoversTheCoreRoutesAndTheDocsPageIsServed() {
        Api.Response spec = api.get("/openapi.json");
        assertThat(spec.status()).isEqualTo(200);
        JsonNode paths = spec.json().path("paths");
        // aliases (register, login, logout, change-password…) are named in their operation's description, not listed again
        for (String p : List.of("/api/v1/auth/signup", "/api/v1/auth/signin",
                "/api/v1/auth/signout", "/api/v1/auth/refresh", "/api/v1/auth/me", "/api/v1/users/me",
                "/api/v1/users/me/password", "/api/v1/auth/password/forgot",
                "/api/v1/auth/password/reset", "/api/v1/users/me/verify-email/send", "/api/v1/users/me/verify-email/confirm",
                "/health", "/ready", "/.well-known/jwks.json")) {
            assertThat(paths.has(p)).as("OpenAPI has %s", p).isTrue();
        }
        assertThat(paths.at("/~1api~1v1~1auth~1signup/post/description").asString()).contains("/api/v1/auth/register");
        assertThat(paths.at("/~1api~1v1~1users~1me~1password/post/description").asString())
                .contains("/api/v1/users/me/change-password", "/api/v1/auth/change-password");
        Api.Response yaml = api.get("/openapi.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.raw().body()).contains("openapi:").contains("/api/v1/auth/signin");
        Api.Response docs = api.get("/docs");
        assertThat(docs.status()).isBetween(200, 399);
    }

    @Test
    void jwksPublishesOnlyPublicKeysAndDiscoveryPointsToIt() {
        JsonNode jwks = api.get("/.well-known/jwks.json").json();
        JsonNode key = jwks.path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
        JsonNode discovery = api.get("/.well-known/openid-configuration").json();
        assertThat(discovery.path("jwks_uri").asString()).endsWith("/.well-known/jwks.json");
        assertThat(discovery.path("issuer").asString()).isNotBlank();
    }

    @Test
    void afterKeyRotationOldTokensStillVerifyAndNewTokensUseTheNewKid() throws Exception {
        Api.Response before = signUp(uniqueEmail("rotate"));
        String oldKid = com.nimbusds.jwt.SignedJWT.parse(accessToken(before)).getHeader().getKeyID();
        keys.rotate();
        Api.Response after = api.post("/api/v1/auth/signin", Api.map("email", before.text("/user/email"), "password", PASSWORD));
        String newKid = com.nimbusds.jwt.SignedJWT.parse(accessToken(after)).getHeader().getKeyID();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(before))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(after))).status()).isEqualTo(200);
        JsonNode jwks = api.get("/.well-known/jwks.json").json();
        assertThat(jwks.path("keys").valueStream().map(k -> k.path("kid").asString()).toList()).contains(oldKid, newKid);
    }

    @Test
    void onlyPlatformAdminsMayRotateTheSigningKeyOverHttp() {
        Api.Response user = signUp(uniqueEmail("notadmin"));
        Api.Response refused = api.post("/api/v1/admin/signing-keys/rotate", null, "Authorization", Api.bearer(accessToken(user)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.post("/api/v1/admin/signing-keys/rotate", null).status()).isEqualTo(401);

        // granted through the API, as an operator does (the flag is read through the per-node user cache,
        // which the API's write empties; a hand-written UPDATE would wait for the cache's expiry)
        String admin = api.post("/api/v1/auth/signin", Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD))
                .text("/tokens/accessToken");
        assertThat(api.patch("/api/v1/users/" + user.text("/user/id"), Api.map("isAdmin", true), "Authorization", Api.bearer(admin))
                .status()).isEqualTo(200);
        Api.Response rotated = api.post("/api/v1/admin/signing-keys/rotate", null, "Authorization", Api.bearer(accessToken(user)));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("/activeKid")).startsWith("key_");
        assertThat(rotated.json().path("publishedKids").size()).isGreaterThanOrEqualTo(2);
        // the token signed before the rotation still works
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(user))).status()).isEqualTo(200);
    }

    @Test
    void theBootstrapAdminFromTheEnvironmentExistsWithAVerifiedEmailAndTheAdminFlag() {
        Api.Response admin = api.post("/api/v1/auth/signin", Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().at("/user/isAdmin").asBoolean()).isTrue();
        assertThat(admin.json().at("/user/emailVerified").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/admin/signing-keys/rotate", null, "Authorization", Api.bearer(accessToken(admin))).status()).isEqualTo(200);
    }
}
