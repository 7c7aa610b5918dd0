package dev.janua.server.passkeys.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelyingPartyTest {

    @Test
    void defaultsToTheHostAndOriginOfTheBaseUrl() {
        RelyingParty rp = RelyingParty.of("https://Auth.Example.com/", null, null, null);
        assertThat(rp.id()).isEqualTo("auth.example.com");
        assertThat(rp.name()).isEqualTo("Janua");
        assertThat(rp.origins()).containsExactly("https://auth.example.com");
    }

    @Test
    void keepsANonDefaultPortInTheOrigin() {
        assertThat(RelyingParty.of("http://localhost:8000", "", "", List.of()).origins()).containsExactly("http://localhost:8000");
        assertThat(RelyingParty.of("https://example.com:443", "", "", List.of()).origins()).containsExactly("https://example.com");
    }

    @Test
    void configuredIdAndOriginsReplaceTheDefaults() {
        RelyingParty rp = RelyingParty.of("https://auth.example.com", "Example.com", "Example",
                List.of(" https://app.example.com/ ", "https://auth.example.com", "android:apk-key-hash:abc_-123", ""));
        assertThat(rp.id()).isEqualTo("example.com");
        assertThat(rp.origins()).isEqualTo(Set.of("https://app.example.com", "https://auth.example.com", "android:apk-key-hash:abc_-123"));
    }

    @Test
    void refusesAnEmptyId() {
        assertThatThrownBy(() -> new RelyingParty(" ", "x", Set.of("https://a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelyingParty("a", "x", Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
