package dev.janua.server.magiclink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.magiclink.domain.RedirectTargets;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedirectTargetsTest {
    private final RedirectTargets prod = new RedirectTargets(Set.of("https://app.example.com", "http://intranet:8080/"), false);
    private final RedirectTargets dev = new RedirectTargets(Set.of(), true);

    @Test
    void allowsListedOriginsOnly() {
        assertThat(prod.check("https://app.example.com/auth/callback?x=1")).isPresent();
        assertThat(prod.check("https://APP.example.com:443/cb")).isPresent();
        assertThat(prod.check("http://intranet:8080/cb")).isPresent();
        assertThat(prod.check("http://app.example.com/cb")).as("other scheme").isEmpty();
        assertThat(prod.check("https://app.example.com.evil.io/cb")).isEmpty();
        assertThat(prod.check("https://evil.io/?https://app.example.com")).isEmpty();
        assertThat(prod.check("https://user@app.example.com/cb")).as("userinfo").isEmpty();
        assertThat(prod.check("//app.example.com/cb")).as("scheme-relative").isEmpty();
        assertThat(prod.check("javascript:alert(1)")).isEmpty();
        assertThat(prod.check("http://localhost:3000/cb")).as("no loopback in production").isEmpty();
        assertThat(prod.check(null)).isEmpty();
    }

    @Test
    void developmentAllowsLoopback() {
        assertThat(dev.check("http://localhost:3000/cb")).isPresent();
        assertThat(dev.check("http://127.0.0.1:5173/")).isPresent();
        assertThat(dev.check("https://example.com/")).isEmpty();
    }

    @Test
    void addsParametersBeforeTheFragment() {
        assertThat(RedirectTargets.withParameter(URI.create("https://a.io/cb"), "code", "mlc_x")).isEqualTo("https://a.io/cb?code=mlc_x");
        assertThat(RedirectTargets.withParameter(URI.create("https://a.io/cb?s=1#top"), "code", "a b"))
                .isEqualTo("https://a.io/cb?s=1&code=a+b#top");
    }
}
