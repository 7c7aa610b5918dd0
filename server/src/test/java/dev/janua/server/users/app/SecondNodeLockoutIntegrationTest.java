package dev.janua.server.users.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory.FailedSignIn;
import dev.janua.server.users.persistence.JdbcUnknownEmailFailures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second node's password checks — fresh instances on the same database, as another process or
 * this one after a restart would have — see the failures the running server counted, for an
 * account and for an email without one alike. (The PostgreSQL pass also runs two real processes:
 * {@code LockoutAcrossProcessesIntegrationTest}.)
 */
class SecondNodeLockoutIntegrationTest extends IntegrationTest {
    @Autowired
    JdbcUnknownEmailFailures store;
    @Autowired
    SecretBox box;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JanuaProperties properties;
    @Autowired
    PasswordHasher hasher;
    @Autowired
    UserService users;

    @Test
    void failuresCountedByOneNodeLockTheEmailOnAnotherWhetherOrNotItHasAnAccount() {
        PasswordCheckService secondNode = new PasswordCheckService(users, hasher,
                new UnknownEmailFailures(store, box, transactions, clock, properties), clock);
        String known = uniqueEmail("node-known");
        signUp(known);
        String unknown = uniqueEmail("node-ghost");
        User account = users.findByEmail(known).orElseThrow();

        // two failures each on the running server, two on the second node...
        for (int i = 0; i < 2; i++) {
            wrongPassword(known);
            wrongPassword(unknown);
        }
        FailedSignIn k3 = secondNode.check(account, "definitely not it").orElseThrow();
        FailedSignIn u3 = secondNode.failUnknownEmail(unknown, "definitely not it");
        assertThat(u3.attemptsRemaining()).isEqualTo(k3.attemptsRemaining()).isEqualTo(2);
        FailedSignIn k4 = secondNode.check(account, "definitely not it").orElseThrow();
        FailedSignIn u4 = secondNode.failUnknownEmail(unknown, "definitely not it");
        assertThat(u4.attemptsRemaining()).isEqualTo(k4.attemptsRemaining()).isEqualTo(1);

        // ...and the fifth, back on the server, locks both
        assertThat(wrongPassword(known).status()).isEqualTo(423);
        assertThat(wrongPassword(unknown).status()).isEqualTo(423);
        // the second node refuses both too
        assertThatThrownBy(() -> secondNode.check(account, "definitely not it")).isInstanceOf(JanuaException.class)
                .hasMessageContaining("ACCOUNT_LOCKED");
        assertThatThrownBy(() -> secondNode.failUnknownEmail(unknown, "definitely not it")).isInstanceOf(JanuaException.class)
                .hasMessageContaining("ACCOUNT_LOCKED");
    }

    private Api.Response wrongPassword(String email) {
        return api.post("/api/v1/auth/signin", Api.map("email", email, "password", "definitely not it"));
    }
}
