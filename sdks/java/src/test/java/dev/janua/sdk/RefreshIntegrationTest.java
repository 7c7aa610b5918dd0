package dev.janua.sdk;

import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.model.Tokens;
import dev.janua.sdk.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.janua.sdk.TestSupport.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@ExtendWith(JanuaServer.class)
class RefreshIntegrationTest {

    @Test
    void concurrentCallersWithAnExpiringTokenShareOneRefresh() throws Exception {
        String email = TestSupport.email("refresh");
        TestSupport.newUser(email);
        TestSupport.Requests requests = new TestSupport.Requests();
        List<Tokens> told = new CopyOnWriteArrayList<>();
        JanuaClient janua = TestSupport.builder().logger(requests::add).onTokens(told::add).build();
        Tokens issued = janua.auth().signIn(email, PASSWORD).tokens();
        told.clear();

        // the stored access token is "about to expire": every caller must refresh before its call
        janua.setSession(Tokens.of(issued.accessToken(), issued.refreshToken(), Instant.now().plusSeconds(5)));
        int callers = 2;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<User>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return janua.auth().getCurrentUser();
            }));
        }
        for (Future<User> f : results) assertEquals(email, f.get().email());
        pool.shutdown();

        assertEquals(1, requests.count("POST", "/auth/refresh"), "one refresh for both callers: " + requests);
        assertEquals(1, told.size(), "onTokens told once");
        Tokens now = janua.getTokens();
        assertNotEquals(issued.refreshToken(), now.refreshToken(), "refresh token rotated");
        assertEquals(told.get(0).refreshToken(), now.refreshToken());
        assertEquals(email, janua.auth().getCurrentUser().email());
    }

    @Test
    void anAccessTokenTheServerRefusesIsRefreshedOnceAndTheCallRepeated() {
        String email = TestSupport.email("reactive");
        TestSupport.newUser(email);
        TestSupport.Requests requests = new TestSupport.Requests();
        JanuaClient janua = TestSupport.builder().logger(requests::add).build();
        Tokens issued = janua.auth().signIn(email, PASSWORD).tokens();
        // an access token the client believes valid for an hour, which the server refuses (INVALID_TOKEN)
        String[] p = issued.accessToken().split("\\.");
        String broken = p[0] + "." + p[1] + "." + new StringBuilder(p[2]).reverse();
        janua.setSession(Tokens.of(broken, issued.refreshToken(), Instant.now().plusSeconds(3600)));

        assertEquals(email, janua.auth().getCurrentUser().email());
        assertEquals(1, requests.count("POST", "/auth/refresh"));
        assertEquals(2, requests.count("GET", "/auth/me"), "refused once, repeated once: " + requests);
        assertNotEquals(broken, janua.getTokens().accessToken());
    }

    @Test
    void explicitRefreshRotatesAndASpentTokenEndsTheSession() {
        String email = TestSupport.email("rotate");
        JanuaClient janua = TestSupport.newUser(email);
        Tokens before = janua.getTokens();
        Tokens after = janua.auth().refreshToken();
        assertNotEquals(before.refreshToken(), after.refreshToken());
        assertEquals(email, janua.auth().getCurrentUser().email());

        // another client that replays a refresh token two rotations old: reuse, the server revokes the session
        janua.auth().refreshToken();
        JanuaClient thief = TestSupport.client();
        thief.setSession(before);
        AuthenticationException reused = assertThrows(AuthenticationException.class, () -> thief.auth().refreshToken());
        assertEquals(401, reused.status());
        assertNull(thief.getTokens(), "a refused refresh clears the session");
    }
}
