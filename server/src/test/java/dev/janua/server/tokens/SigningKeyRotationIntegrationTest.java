package dev.janua.server.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.config.JanuaProperties;
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
import java.time.Instant;
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
    Invalidations invalidations;

    /** The ring makes its first key on first use: a fresh database has none until a token is signed. */
    @BeforeEach
    void aKeyIsActive() {
        keys.current();
    }

    @Test
    void aRotationWritesTheKeyAndItsEventNamingTheAdminTogether() {
        long keysBefore = keyCount();
        SigningKeyRing.Snapshot s = rotation.rotate(admin(), ClientInfo.none());
        assertThat(keyCount()).isEqualTo(keysBefore + 1);
        assertThat(activeKid()).isEqualTo(s.activeKid());
        assertThat(rotatedEvents(s.activeKid())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor_id FROM domain_events WHERE type = 'signing_key.rotated' AND subject_id = :kid")
                .param("kid", s.activeKid()).query(String.class).single()).isEqualTo(admin().userId());
    }

    @Test
    void whenTheEventCannotBeWrittenTheKeysStayAsTheyWere() {
        String activeBefore = activeKid();
        long keysBefore = keyCount();
        long eventsBefore = allRotatedEvents();
        // the event is written, then the transaction fails: both must roll back
        SigningKeyRotation failing = new SigningKeyRotation(keys, admins, (event, client) -> {
            events.publish(event, client);
            throw new IllegalStateException("audit write failed");
        });
        assertThatThrownBy(() -> failing.rotate(admin(), ClientInfo.none())).hasMessageContaining("audit write failed");
        assertThat(activeKid()).isEqualTo(activeBefore);
        assertThat(keyCount()).isEqualTo(keysBefore);
        assertThat(allRotatedEvents()).isEqualTo(eventsBefore);
        assertThat(keys.reloadIfStale().activeKid()).isEqualTo(activeBefore);
    }

    @Test
    void aRotationThatFailsInTheKeyStoreLeavesNoEvent() {
        String activeBefore = activeKid();
        long keysBefore = keyCount();
        long eventsBefore = allRotatedEvents();
        // the new key is inserted, then retiring the old one fails
        JdbcSigningKeyStore broken = new JdbcSigningKeyStore(jdbc) {
            @Override
            public void retireAllExcept(String keepKid, Instant now, Instant expiresAt) {
                throw new IllegalStateException("key store failed");
            }
        };
        SigningKeyRing ring = new SigningKeyRing(broken, secrets, ids, clock, tx, properties, invalidations);
        SigningKeyRotation failing = new SigningKeyRotation(ring, admins, events);
        assertThatThrownBy(() -> failing.rotate(admin(), ClientInfo.none())).hasMessageContaining("key store failed");
        assertThat(allRotatedEvents()).isEqualTo(eventsBefore);
        assertThat(keyCount()).isEqualTo(keysBefore);
        assertThat(activeKid()).isEqualTo(activeBefore);
    }

    private Caller admin() {
        String id = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", BOOTSTRAP_ADMIN_EMAIL).query(String.class).single();
        return new Caller(id, null, null);
    }

    private long keyCount() {
        return jdbc.sql("SELECT COUNT(*) FROM signing_keys").query(Long.class).single();
    }

    private String activeKid() {
        return jdbc.sql("SELECT kid FROM signing_keys WHERE retired_at IS NULL").query(String.class).single();
    }

    private long rotatedEvents(String kid) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'signing_key.rotated' AND subject_id = :kid")
                .param("kid", kid).query(Long.class).single();
    }

    private long allRotatedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'signing_key.rotated'").query(Long.class).single();
    }
}
