package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import dev.janua.server.webhooks.JanuaProcess;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/oidc-provider.md "Protect a Node app in five minutes", run: the app of the guide
 * ({@code server/src/test/browser/quickstart-node.mjs}, openid-client from npm) started with the
 * application registered as the guide shows, and a browser that opens it, lands on Janua's sign-in
 * page, signs in, consents and comes back signed in to the app, with the ID token checked by the
 * library against Janua's JWKS and the userinfo claims shown.
 */
class OidcNodeQuickStartIntegrationTest extends OidcTestSupport {
    private static final Path NODE_DIR = Path.of("src/test/browser");

    @Test
    void theNodeQuickStartSignsAPersonInThroughJanua() throws Exception {
        assertThat(NODE_DIR.resolve("node_modules/openid-client")).as("npm ci in " + NODE_DIR.toAbsolutePath()).exists();
        int rpPort = JanuaProcess.freePort();
        String rp = "http://127.0.0.1:" + rpPort;
        App app = register("name", "My Node app", "type", "confidential", "redirectUris", List.of(rp + "/callback"),
                "scopes", List.of("openid", "profile", "email"));
        String email = uniqueEmail("node-quickstart");
        signUp(email);
        Path log = Files.createTempFile("quickstart-node", ".log");
        ProcessBuilder pb = new ProcessBuilder("node", "quickstart-node.mjs").directory(NODE_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(java.util.Map.of("JANUA_ISSUER", base(), "JANUA_CLIENT_ID", app.clientId(),
                "JANUA_CLIENT_SECRET", app.secret(), "PORT", String.valueOf(rpPort)));
        Process node = pb.start();
        try {
            awaitListening(node, rpPort, log);
            BrowserClient b = browser();
            HttpResponse<String> r = b.get(rp + "/");
            for (int hop = 0; hop < 5 && r.statusCode() / 100 == 3 && location(r).startsWith("/"); hop++) {
                r = b.get(URI.create(rp + "/").resolve(location(r)).toString());
            }
            String authorize = location(r);
            assertThat(authorize).as(r.statusCode() + " " + r.body()).startsWith(base() + "/oauth2/authorize?");
            assertThat(query(authorize)).containsEntry("code_challenge_method", "S256").containsEntry("client_id", app.clientId());
            String callback = authorizeInBrowser(b, authorize, email, null, true);
            assertThat(callback).startsWith(rp + "/callback?code=");
            r = b.get(callback);
            for (int hop = 0; hop < 5 && r.statusCode() / 100 == 3; hop++) r = b.get(URI.create(rp + "/").resolve(location(r)).toString());
            assertThat(r.statusCode()).as(r.body() + "\n" + Files.readString(log)).isEqualTo(200);
            assertThat(r.body()).contains("email=" + email + "\n").contains("name=Test User\n").contains("sub=usr_")
                    .contains("issuer=" + base() + "\n");
        } finally {
            node.destroy();
            node.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        }
    }

    /** Until the app's port answers (its first step is discovery against Janua); bounded, not a speed assertion. */
    private static void awaitListening(Process node, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) throw new AssertionError("the quick-start app exited:\n" + Files.readString(log));
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the quick-start app did not listen within 60 s:\n" + Files.readString(log));
    }
}
