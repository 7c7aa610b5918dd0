package dev.janua.sdk;

import dev.janua.sdk.errors.RateLimitedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password-reset bucket of the test server holds 2 requests per 3 s per address (see {@link JanuaServer}). */
@ExtendWith(JanuaServer.class)
class RateLimitIntegrationTest {

    @Test
    void a429IsSurfacedWithRetryAfterWhenRetriesAreOff() {
        String email = TestSupport.email("limited");
        JanuaClient janua = TestSupport.builder().maxRetries(0).build();
        janua.auth().requestPasswordReset(email);
        janua.auth().requestPasswordReset(email);
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> janua.auth().requestPasswordReset(email));
        assertEquals("RATE_LIMITED", e.code());
        assertEquals(429, e.status());
        assertNotNull(e.retryAfter());
        assertTrue(!e.retryAfter().isNegative() && e.retryAfter().compareTo(Duration.ofSeconds(4)) <= 0, e.retryAfter().toString());
        assertTrue(e.requestId().startsWith("req_"));
        assertEquals(2, e.limit());
        assertEquals(0, e.remaining());
    }

    @Test
    void aShortRetryAfterIsWaitedForAndTheCallSucceeds() {
        String email = TestSupport.email("patient");
        TestSupport.Requests requests = new TestSupport.Requests();
        JanuaClient janua = TestSupport.builder().logger(requests::add).build();
        for (int i = 0; i < 3; i++) janua.auth().requestPasswordReset(email);
        long attempts = requests.count("POST", "/auth/password/forgot");
        assertTrue(attempts >= 4, "the third call was refused once and repeated: " + requests);
        assertTrue(requests.stream().anyMatch(r -> r.status() == 429));
        // every attempt of one call carried the same request id
        RequestLog refused = requests.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertTrue(requests.stream().anyMatch(r -> r.requestId().equals(refused.requestId()) && r.status() < 300));
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsIsThrownAtOnce() {
        String email = TestSupport.email("impatient");
        JanuaClient janua = TestSupport.builder().maxRetryAfter(Duration.ZERO).build();
        janua.auth().requestPasswordReset(email);
        janua.auth().requestPasswordReset(email);
        long started = System.nanoTime();
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> janua.auth().requestPasswordReset(email));
        assertTrue(e.retryAfter().compareTo(Duration.ZERO) > 0);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0, "not waited for");
    }
}
