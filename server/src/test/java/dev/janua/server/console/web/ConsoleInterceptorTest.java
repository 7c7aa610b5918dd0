package dev.janua.server.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.ConsoleProperties;
import dev.janua.server.hosted.BrowserAuthentication;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

/** The console's gate before any database lookup: no browser session, or (when required) no second factor, is refused. */
class ConsoleInterceptorTest {
    @ConsolePages
    static final class SomePage {
        public void show() {}
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withMfaRequiredASignInWithoutASecondFactorIsRefused() throws Exception {
        // no access service: the refusal must come before any lookup
        ConsoleInterceptor gate = new ConsoleInterceptor(null, new ConsoleProperties(true));
        signedIn(List.of("pwd"));
        assertThatThrownBy(() -> gate.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), handler()))
                .isInstanceOf(ConsoleDenied.class).satisfies(e -> assertThat(((ConsoleDenied) e).reason()).isEqualTo("mfa_required"));
    }

    @Test
    void withoutABrowserSessionTheRequestIsRefused() throws Exception {
        ConsoleInterceptor gate = new ConsoleInterceptor(null, new ConsoleProperties(false));
        assertThatThrownBy(() -> gate.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), handler()))
                .isInstanceOf(ConsoleDenied.class).satisfies(e -> assertThat(((ConsoleDenied) e).reason()).isEqualTo("not_signed_in"));
    }

    @Test
    void handlersThatAreNotConsolePagesPassUntouched() throws Exception {
        ConsoleInterceptor gate = new ConsoleInterceptor(null, new ConsoleProperties(true));
        assertThat(gate.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object())).isTrue();
        assertThat(gate.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(),
                new HandlerMethod(new Object(), Object.class.getMethod("toString")))).isTrue();
    }

    private static HandlerMethod handler() throws NoSuchMethodException {
        return new HandlerMethod(new SomePage(), SomePage.class.getMethod("show"));
    }

    private static void signedIn(List<String> amr) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new BrowserAuthentication("usr_1", "sess_1", Instant.parse("2026-01-01T00:00:00Z"), amr));
        SecurityContextHolder.setContext(context);
    }
}
