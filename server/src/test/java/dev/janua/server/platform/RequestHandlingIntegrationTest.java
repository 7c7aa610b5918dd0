package dev.janua.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx with a stable code — never a 500, never a stack trace. */
class RequestHandlingIntegrationTest extends IntegrationTest {

    @Test
    void malformedJsonIsA400WithACode() {
        Api.Response r = api.post("/api/v1/auth/signin", "{\"email\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("INVALID_REQUEST");
        assertThat(r.text("/error/details/reason")).isEqualTo("malformed_json");
        assertThat(r.raw().body()).doesNotContain("Exception").doesNotContain("at dev.janua");
    }

    @Test
    void missingBodyAndMissingFieldsAreClientErrors() {
        Api.Response noBody = api.send("POST", "/api/v1/auth/signup", null, "Content-Type", "application/json");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.text("/error/details/reason")).isEqualTo("missing_body");

        Api.Response noEmail = api.post("/api/v1/auth/signup", Api.map("password", PASSWORD));
        assertThat(noEmail.status()).isEqualTo(422);
        assertThat(noEmail.text("/error/details/field")).isEqualTo("email");

        Api.Response noPassword = api.post("/api/v1/auth/signin", Api.map("email", "a@example.com"));
        assertThat(noPassword.status()).isEqualTo(422);
        assertThat(noPassword.text("/error/details/field")).isEqualTo("password");

        Api.Response badEmail = api.post("/api/v1/auth/signup", Api.map("email", "not-an-email", "password", PASSWORD));
        assertThat(badEmail.text("/error/details/reason")).isEqualTo("invalid_format");
    }

    @Test
    void wrongTypesAndNullsAreClientErrors() {
        assertThat(api.post("/api/v1/auth/signup", "{\"email\": [1,2], \"password\": {}}").status()).isBetween(400, 499);
        assertThat(api.post("/api/v1/auth/signup", "[]").status()).isBetween(400, 499);
        assertThat(api.post("/api/v1/auth/signup", "null").status()).isBetween(400, 499);
        assertThat(api.post("/api/v1/auth/signin", "{\"email\": null, \"password\": null}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/auth/refresh", "{\"refreshToken\": 12345}").status()).isBetween(400, 499);
        assertThat(api.patch("/api/v1/users/me", "{\"metadata\": \"string\"}", "Authorization", "Bearer x").status()).isBetween(400, 499);
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrStreamed() {
        String big = "{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "@example.com\",\"password\":\"x\"}";
        Api.Response r = api.post("/api/v1/auth/signup", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void wrongContentTypeIs415() {
        Api.Response r = api.send("POST", "/api/v1/auth/signin", "email=a", "Content-Type", "text/plain");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405InJson() {
        Api.Response missing = api.get("/api/v1/definitely/not/here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/nothing-at-root").errorCode()).isEqualTo("NOT_FOUND");

        Api.Response method = api.send("DELETE", "/api/v1/auth/signin", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(method.header("Allow")).contains("POST");
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneIsEchoed() {
        Api.Response generated = api.get("/health");
        assertThat(generated.header("X-Request-ID")).startsWith("req_");

        Api.Response echoed = api.get("/api/v1/nope", "X-Request-ID", "client-trace-42");
        assertThat(echoed.header("X-Request-ID")).isEqualTo("client-trace-42");
        assertThat(echoed.text("/error/requestId")).isEqualTo("client-trace-42");

        Api.Response refused = api.get("/health", "X-Request-ID", "bad id with spaces <script>");
        assertThat(refused.header("X-Request-ID")).startsWith("req_");
    }

    @Test
    void errorMessagesFollowAcceptLanguage() {
        assertThat(message("en")).isEqualTo("Invalid email or password");
        assertThat(message("es-MX")).isEqualTo("Correo electrónico o contraseña incorrectos");
        assertThat(message("fr")).isEqualTo("E-mail ou mot de passe incorrect");
        assertThat(message("de-DE,de;q=0.9")).isEqualTo("E-Mail oder Passwort ist falsch");
        assertThat(message("ja")).isEqualTo("Invalid email or password");
    }

    @Test
    void missingOrBrokenAuthorizationIs401() {
        assertThat(api.get("/api/v1/auth/me").errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Basic dXNlcjpwYXNz").errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer not.a.jwt").errorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer ").status()).isEqualTo(401);
    }

    private String message(String language) {
        return api.post("/api/v1/auth/signin", Api.map("email", uniqueEmail("i18n"), "password", "whatever it is"),
                "Accept-Language", language).text("/error/message");
    }

    @Test
    void overlongFieldsAreRefusedAsValidationErrorsNotServerErrors() {
        Api.Response longName = api.post("/api/v1/auth/signup", Api.map("email", uniqueEmail("long"), "password", PASSWORD,
                "firstName", "x".repeat(5000)));
        assertThat(longName.status()).isEqualTo(422);
        assertThat(longName.text("/error/details/field")).isEqualTo("firstName");
        Api.Response bigMetadata = api.post("/api/v1/auth/signup", Api.map("email", uniqueEmail("meta"), "password", PASSWORD,
                "metadata", Api.map("blob", "y".repeat(200_000))));
        assertThat(bigMetadata.status()).isEqualTo(422);
        Api.Response longEmail = api.post("/api/v1/auth/signup", Api.map("email", "z".repeat(400) + "@example.com", "password", PASSWORD));
        assertThat(longEmail.status()).isEqualTo(422);
    }
}
