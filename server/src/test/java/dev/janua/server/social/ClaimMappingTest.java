package dev.janua.server.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.social.domain.ClaimMapping;
import dev.janua.server.social.domain.ExternalProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ClaimMappingTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void mapsNestedFieldsAndNumericIds() {
        ExternalProfile p = ClaimMapping.apply(Map.of("subject", "data.id", "email", "data.mail", "emailVerified", "data.ok", "name", "data.n"),
                JSON.readTree("{\"data\":{\"id\":12345678901234,\"mail\":\"a@example.com\",\"ok\":true,\"n\":\"Ann\"}}"));
        assertThat(p.subject()).isEqualTo("12345678901234");
        assertThat(p.email()).isEqualTo("a@example.com");
        assertThat(p.emailVerified()).isTrue();
        assertThat(p.displayName()).isEqualTo("Ann");
    }

    @Test
    void defaultsToStandardClaimsWithIdAsFallbackSubjectAndNeverAssumesVerified() {
        ExternalProfile p = ClaimMapping.apply(Map.of(), JSON.readTree("{\"id\":\"x1\",\"email\":\"b@example.com\"}"));
        assertThat(p.subject()).isEqualTo("x1");
        assertThat(p.emailVerified()).isFalse();
        assertThatThrownBy(() -> ClaimMapping.apply(Map.of(), JSON.readTree("{\"email\":\"c@example.com\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsUnknownFieldsAndOddPaths() {
        assertThatThrownBy(() -> ClaimMapping.validate(Map.of("admin", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimMapping.validate(Map.of("email", "a..b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClaimMapping.validate(Map.of("email", "$(rm -rf)"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClaimMapping.validate(Map.of("email", "user.mail"))).containsEntry("email", "user.mail");
    }
}
