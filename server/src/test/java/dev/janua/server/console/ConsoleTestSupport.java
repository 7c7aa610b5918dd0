package dev.janua.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.TenantFixtures;
import java.net.http.HttpResponse;
import java.util.Map;

/** Helpers of the console tests: a cookie-keeping browser signed in through the hosted pages. */
abstract class ConsoleTestSupport extends TenantFixtures {

    /** A browser with a live {@code janua_session} for the account (password sign-in on the hosted page). */
    protected BrowserClient signedIn(Account a) {
        BrowserClient b = new BrowserClient("http://localhost:" + port);
        HttpResponse<String> page = b.get("/hosted/sign-in?return_to=%2Fconsole");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> done = b.submit(page, "/hosted/sign-in", Map.of("email", a.email(), "password", PASSWORD));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(b.cookie("janua_session")).isNotNull();
        return b;
    }

    /** Posts the console form with this action from the page, with its hidden fields (CSRF token, back) and these fields. */
    protected static HttpResponse<String> submit(BrowserClient b, String pagePath, String action, Map<String, String> fields) {
        HttpResponse<String> page = b.get(pagePath);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return b.submit(page, action, fields);
    }

    protected static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }
}
