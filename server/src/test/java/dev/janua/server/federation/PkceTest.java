package dev.janua.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void s256MatchesRfc7636AppendixB() {
        assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifiersHave256BitsAndTheAllowedAlphabet() {
        String v = Pkce.newVerifier();
        assertThat(v).matches("[A-Za-z0-9_-]{43}");
        assertThat(Pkce.newVerifier()).isNotEqualTo(v);
        assertThatThrownBy(() -> Pkce.s256("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authorizationRequestCarriesStateNonceAndS256AndExtrasCannotOverrideThem() {
        URI u = new AuthorizationRequest("https://idp.example/authorize?tenant=a", "client 1", "https://janua.example/cb", List.of("openid", "email"),
                "st", "nn", "ch", Map.of("response_mode", "form_post", "state", "evil", "redirect_uri", "https://evil.example")).toUri();
        String q = u.getRawQuery();
        assertThat(q).startsWith("tenant=a&response_type=code&client_id=client%201&redirect_uri=https%3A%2F%2Fjanua.example%2Fcb")
                .contains("&scope=openid%20email&state=st&nonce=nn&code_challenge=ch&code_challenge_method=S256&response_mode=form_post")
                .doesNotContain("evil");
    }
}
