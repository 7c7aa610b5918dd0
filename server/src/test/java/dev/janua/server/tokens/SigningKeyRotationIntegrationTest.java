package dev.janua.server.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.RsaSignatures;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.tokens.app.SigningKeyRing;
import dev.janua.server.tokens.app.SigningKeyRotation;
import dev.janua.server.tokens.persistence.JdbcSigningKeyStore;
import dev.janua.server.users.PlatformAdmins;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An admin's signing-key rotation and its {@code signing_key.rotated} event (the source of the audit
 * record) commit together: a rotation that fails leaves no event, and an event that cannot be
 * written leaves the keys as they were.
 */
class SigningKeyRotationIntegrationTest extends IntegrationTest {
    @Autowired
    SigningKeyRing keys;
    @Autowired
    SigningKeyRotation rotation;
    @Autowired
    PlatformAdmins admins;
    @Autowired
    EventPublisher events;
    @Autowired
    JdbcSigningKeyStore store;
    @Autowired
    SecretBox secrets;
    @Autowired
    IdGenerator ids;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JanuaProperties properties;
    @Autowired
    RsaSignatures rsaSignatures;
    @Autowired
    Invalidations invalidations;

    /** The ring makes its first key on first use: a fresh database has none until a token is signed. */
    @BeforeEach
    void aKeyIsActive() {
        keys.current();
    }

    @Test
    void aRotationWritesTheKeyAndItsEventNamingTheAdminTogether() {
        String activeBefore = keys.current().activeKid();
        SigningKeyRing.Snapshot s = rotation.rotate(admin(), ClientInfo.none());
        assertThat(s.activeKid()).isNotEqualTo(activeBefore);
        assertThat(keysNamed(s.activeKid())).isEqualTo(1);
        assertThat(rotatedEvents(s.activeKid())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor_id FROM domain_events WHERE type = 'signing_key.rotated' AND subject_id = :kid")
                .param("kid", s.activeKid()).query(String.class).single()).isEqualTo(admin().userId());
    }

    // The two failure tests assert on the key the failed rotation made (by its kid), not on which key is
    // active: other application contexts of the suite (and, in the PostgreSQL pass, the cluster test's
    // nodes) share this database and may rotate on their own schedule.
    @Test
    void whenTheEventCannotBeWrittenTheKeysStayAsTheyWere() {
        AtomicReference<String> attempted = new AtomicReference<>();
        // the event is written, then the transaction fails: both must roll back
        SigningKeyRotation failing = new SigningKeyRotation(keys, admins, (event, client) -> {
            attempted.set(event.subjectId());
            events.publish(event, client);
            throw new IllegalStateException("audit write failed");
        });
        assertThatThrownBy(() -> failing.rotate(admin(), ClientInfo.none())).hasMessageContaining("audit write failed");
        assertThat(attempted.get()).startsWith("key_");
        assertThat(keysNamed(attempted.get())).isZero();
        assertThat(rotatedEvents(attempted.get())).isZero();
    }

    @Test
    void aRotationThatFailsInTheKeyStoreLeavesNoEvent() {
        AtomicReference<String> attempted = new AtomicReference<>();
        // the new key is inserted, then retiring the old one fails
        JdbcSigningKeyStore broken = new JdbcSigningKeyStore(jdbc) {
            @Override
            public void insert(String kid, String algorithm, String publicJwk, String sealedPrivate, Instant now) {
                attempted.set(kid);
                super.insert(kid, algorithm, publicJwk, sealedPrivate, now);
            }

            @Override
            public void retireAllExcept(String keepKid, Instant now, Instant expiresAt) {
                throw new IllegalStateException("key store failed");
            }
        };
        SigningKeyRing ring = new SigningKeyRing(broken, secrets, ids, clock, tx, properties, invalidations, rsaSignatures);
        SigningKeyRotation failing = new SigningKeyRotation(ring, admins, events);
        assertThatThrownBy(() -> failing.rotate(admin(), ClientInfo.none())).hasMessageContaining("key store failed");
        assertThat(attempted.get()).startsWith("key_");
        assertThat(keysNamed(attempted.get())).isZero();
        assertThat(rotatedEvents(attempted.get())).isZero();
    }

    /** The slow part (making the key) happens before the ring's lock: a request reloading the keys meanwhile does not wait. */
    @Test
    void aRotationMakesItsKeyBeforeTakingTheRingsLock() throws Exception {
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        // the new key's id is the first thing the rotation makes: hold it there, as a slow RSA generation would
        Clock gate = new Clock() {
            @Override
            public Instant instant() {
                if (armed.getAndSet(false)) {
                    making.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        SigningKeyRing ring = new SigningKeyRing(store, secrets, new IdGenerator(gate), clock, tx, properties, invalidations, rsaSignatures);
        ring.current();
        armed.set(true);
        CompletableFuture<SigningKeyRing.Snapshot> rotated = CompletableFuture.supplyAsync(ring::rotate, r -> Thread.ofVirtual().start(r));
        try {
            assertThat(making.await(30, TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofSeconds(10)); // the snapshot is stale: the next use reloads, under the ring's lock
            CompletableFuture<SigningKeyRing.Snapshot> reloaded =
                    CompletableFuture.supplyAsync(ring::reloadIfStale, r -> Thread.ofVirtual().start(r));
            assertThat(reloaded.get(10, TimeUnit.SECONDS)).as("reloaded while the rotation makes its key").isNotNull();
        } finally {
            release.countDown();
        }
        SigningKeyRing.Snapshot s = rotated.get(30, TimeUnit.SECONDS);
        assertThat(keysNamed(s.activeKid())).isEqualTo(1);
        assertThat(ring.current().activeKid()).isEqualTo(s.activeKid());
    }

    private Caller admin() {
        String id = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", BOOTSTRAP_ADMIN_EMAIL).query(String.class).single();
        return new Caller(id, null, null);
    }

    private long keysNamed(String kid) {
        return jdbc.sql("SELECT COUNT(*) FROM signing_keys WHERE kid = :kid").param("kid", kid).query(Long.class).single();
    }

    private long rotatedEvents(String kid) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'signing_key.rotated' AND subject_id = :kid")
                .param("kid", kid).query(Long.class).single();
    }
}
