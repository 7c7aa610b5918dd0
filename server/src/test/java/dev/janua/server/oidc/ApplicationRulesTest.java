package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.oidc.domain.ApplicationRules;
import dev.janua.server.oidc.domain.ApplicationType;
import dev.janua.server.oidc.domain.ClientSecrets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplicationRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/cb", "http://127.0.0.1/cb", "http://localhost:8080/login/oauth2/code/janua",
            "http://[::1]:9000/cb", "com.example.app:/oauth/cb", "https://app.example.com/cb?tenant=1"})
    void acceptsHttpsLoopbackAndPrivateUseSchemes(String uri) {
        assertThat(ApplicationRules.redirectUris("redirectUris", List.of(uri), true)).containsExactly(uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com/cb", "https://app.example.com/cb#f", "https://u@app.example.com/cb", "/cb",
            "javascript:alert(1)", "data:text/html,x", "HTTPS://app.example.com/cb", "myapp:/cb", "https:///cb", "not a uri"})
    void refusesTheRest(String uri) {
        assertThatThrownBy(() -> ApplicationRules.redirectUris("redirectUris", List.of(uri), true))
                .isInstanceOf(ApplicationRules.Violation.class);
    }

    @Test
    void grantsFollowTheType() {
        assertThat(ApplicationRules.grants(ApplicationType.PUBLIC, null)).containsExactly("authorization_code");
        assertThat(ApplicationRules.grants(ApplicationType.MACHINE, List.of())).containsExactly("client_credentials");
        assertThatThrownBy(() -> ApplicationRules.grants(ApplicationType.PUBLIC, List.of("refresh_token")))
                .isInstanceOf(ApplicationRules.Violation.class);
        assertThatThrownBy(() -> ApplicationRules.grants(ApplicationType.CONFIDENTIAL, List.of("refresh_token")))
                .isInstanceOf(ApplicationRules.Violation.class);
        assertThatThrownBy(() -> ApplicationRules.grants(ApplicationType.CONFIDENTIAL, List.of("password")))
                .isInstanceOf(ApplicationRules.Violation.class);
    }

    @Test
    void clientSecretsAreHashedAndComparedExactly() {
        String h = ClientSecrets.hash("jcs_abc");
        assertThat(h).startsWith("sha256:").doesNotContain("jcs_abc");
        assertThat(ClientSecrets.INSTANCE.matches("jcs_abc", h)).isTrue();
        assertThat(ClientSecrets.INSTANCE.matches("jcs_abd", h)).isFalse();
        assertThat(ClientSecrets.INSTANCE.matches(null, h)).isFalse();
    }
}
