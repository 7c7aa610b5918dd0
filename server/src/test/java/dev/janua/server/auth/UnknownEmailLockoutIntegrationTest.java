package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.crypto.KeyedHash;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.users.domain.EmailAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An email without an account is counted where accounts are (issue 18, item 5): the same answers
 * as a wrong password through the lock and after it, from a count in the database.
 */
class UnknownEmailLockoutIntegrationTest extends IntegrationTest {
    @Autowired
    SecretBox box;

    @Test
    void knownAndUnknownEmailsGiveTheSameAnswersThroughTheLockAndAfterItExpires() {
        String known = uniqueEmail("same-known");
        signUp(known);
        String unknown = uniqueEmail("same-ghost");
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            if (i == 7) clock.advance(Duration.ofMinutes(16)); // the first lock has run out for both
            Api.Response a = wrongPassword(known);
            Api.Response b = wrongPassword(unknown);
            assertSameAnswer(i, a, b);
            seen.add(a.status() + ":" + a.json().at("/error/details/attempts_remaining").asInt());
        }
        // 4 3 2 1, locked at the 5th and while the lock lasts, then the count goes on: 4 3 2 1, locked at the 10th
        assertThat(seen).containsExactly("401:4", "401:3", "401:2", "401:1", "423:0", "423:0",
                "401:4", "401:3", "401:2", "401:1", "423:0", "423:0", "423:0", "423:0");
    }

    @Test
    void theCountOfAnUnknownEmailIsKeptInTheDatabaseUnderAKeyedHashNotTheEmail() {
        String unknown = uniqueEmail("db-ghost");
        for (int i = 0; i < 3; i++) wrongPassword(unknown);
        assertThat(count(unknown)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM unknown_email_failures WHERE email_key LIKE '%@%'").query(Long.class).single()).isZero();
    }

    @Test
    void signingUpWithAnEmailThatFailedBeforeStartsTheAccountWithItsOwnCount() {
        String email = uniqueEmail("later-account");
        for (int i = 0; i < 3; i++) wrongPassword(email);
        assertThat(count(email)).isEqualTo(3);
        signUp(email);
        assertThat(count(email)).isNull();
        assertThat(wrongPassword(email).json().at("/error/details/attempts_remaining").asInt()).isEqualTo(4);
    }

    static void assertSameAnswer(int attempt, Api.Response a, Api.Response b) {
        assertThat(b.status()).as("status of attempt %d", attempt).isEqualTo(a.status());
        assertThat(b.errorCode()).as("code of attempt %d", attempt).isEqualTo(a.errorCode());
        assertThat(b.text("/error/message")).isEqualTo(a.text("/error/message"));
        List<String> ka = new ArrayList<>();
        List<String> kb = new ArrayList<>();
        a.json().at("/error/details").propertyNames().forEach(ka::add);
        b.json().at("/error/details").propertyNames().forEach(kb::add);
        assertThat(kb).as("detail keys of attempt %d", attempt).isEqualTo(ka);
        assertThat(b.json().at("/error/details/attempts_remaining").asInt())
                .as("attempts_remaining of attempt %d", attempt).isEqualTo(a.json().at("/error/details/attempts_remaining").asInt());
    }

    private Integer count(String email) {
        String key = KeyedHash.forPurpose(box, "unknown-email-lockout").hex(EmailAddress.normalize(email));
        return jdbc.sql("SELECT failed_attempts FROM unknown_email_failures WHERE email_key = :k").param("k", key)
                .query(Integer.class).optional().orElse(null);
    }

    private Api.Response wrongPassword(String email) {
        return api.post("/api/v1/auth/signin", Api.map("email", email, "password", "definitely not it"));
    }
}
