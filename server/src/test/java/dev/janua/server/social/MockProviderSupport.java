package dev.janua.server.social;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A real OpenID Provider (mock-oauth2-server, non-interactive: it answers the authorization request at once) per test class. */
abstract class MockProviderSupport extends SocialTestSupport {
    static MockOAuth2Server idp;

    @BeforeAll
    static void startProvider() {
        idp = new MockOAuth2Server();
        idp.start(0);
    }

    @AfterAll
    static void stopProvider() {
        idp.shutdown();
    }
}
