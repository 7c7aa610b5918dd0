package dev.janua.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.hosted.domain.ReturnTo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTest {
    @Test
    void acceptsTheAuthorizationEndpointAndHostedPages() {
        assertThat(ReturnTo.safe("/oauth2/authorize?response_type=code&client_id=app_1")).isPresent();
        assertThat(ReturnTo.safe("/hosted/account")).isPresent();
        assertThat(ReturnTo.safe("/console")).isPresent();
        assertThat(ReturnTo.safe("/console/users?q=ada")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "/%2F%2Fevil",
            "/hosted/../api", "/hosted/./x", "/hosted/%2e%2e/x", "/oauth2/authorize/..", "/api/v1/auth/me", "javascript:x",
            "/hosted/a b", "/hosted/\r\nSet-Cookie:x", "", "hosted/account", "/oauth2/authorizeX", "/oauth2/token",
            "/consoleX", "/console/../api/v1/users", "/console/%2e%2e/x"})
    void refusesEverythingElse(String candidate) {
        assertThat(ReturnTo.safe(candidate)).isEmpty();
    }

    @Test
    void refusesNullAndOverlongValues() {
        assertThat(ReturnTo.safe(null)).isEmpty();
        assertThat(ReturnTo.safe("/hosted/" + "a".repeat(5000))).isEmpty();
    }
}
