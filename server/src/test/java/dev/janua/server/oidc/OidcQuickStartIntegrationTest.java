package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.quickstart.QuickStartApp;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.webhooks.JanuaProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * docs/oidc-provider.md "Protect a Spring Boot app in five minutes", run: an application registered
 * as step 1 shows, a Spring Boot app with spring-boot-starter-oauth2-client configured as step 2 and
 * 3 show ({@link QuickStartApp}), and a browser that opens the app, lands on Janua's sign-in page,
 * signs in, consents and comes back signed in to the app.
 */
class OidcQuickStartIntegrationTest extends OidcTestSupport {

    @Test
    void theSpringBootQuickStartSignsAPersonInThroughJanua() {
        int rpPort = JanuaProcess.freePort();
        String rp = "http://127.0.0.1:" + rpPort;
        App app = register("name", "My app", "type", "confidential", "redirectUris", List.of(rp + "/login/oauth2/code/janua"),
                "postLogoutRedirectUris", List.of(rp + "/"), "scopes", List.of("openid", "profile", "email"));
        String email = uniqueEmail("quickstart");
        signUp(email);
        try (ConfigurableApplicationContext ignored = QuickStartApp.start(rpPort, base(), app.clientId(), app.secret())) {
            BrowserClient b = browser();
            // the app sends the browser to Janua
            HttpResponse<String> r = b.get(rp + "/");
            for (int hop = 0; hop < 5 && r.statusCode() / 100 == 3 && location(r).startsWith(rp); hop++) {
                r = b.get(URI.create(rp + "/").resolve(location(r)).toString());
            }
            String authorize = location(r);
            assertThat(authorize).as(r.statusCode() + " " + r.body()).startsWith(base() + "/oauth2/authorize?");
            assertThat(query(authorize)).containsKey("code_challenge").containsEntry("code_challenge_method", "S256")
                    .containsEntry("client_id", app.clientId());
            // Janua's sign-in, consent, and back to the app with a code
            String callback = authorizeInBrowser(b, authorize, email, null, true);
            assertThat(callback).startsWith(rp + "/login/oauth2/code/janua?code=");
            r = b.get(callback);
            for (int hop = 0; hop < 5 && r.statusCode() / 100 == 3; hop++) r = b.get(URI.create(rp + "/").resolve(location(r)).toString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("email=" + email + "\n").contains("name=Test User\n").contains("sub=usr_")
                    .contains("issuer=" + base() + "\n");
        }
    }
}
