package dev.janua.server.tokens.app;

import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.PlatformAdmins;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A platform admin rotates the access-token signing key now (API and console). The ring creates
 * the key in its own transaction and reloads under its lock, so {@code signing_key.rotated} (naming
 * the admin) is written right after, in a second one: a crash between the two leaves a rotated key
 * without its audit record, never an audit record without a key.
 */
@Service
public class SigningKeyRotation {
    private final SigningKeyRing keys;
    private final PlatformAdmins admins;
    private final EventPublisher events;
    private final TransactionTemplate tx;

    public SigningKeyRotation(SigningKeyRing keys, PlatformAdmins admins, EventPublisher events, TransactionTemplate tx) {
        this.keys = keys;
        this.admins = admins;
        this.events = events;
        this.tx = tx;
    }

    public SigningKeyRing.Snapshot rotate(Caller caller, ClientInfo client) {
        admins.require(caller);
        SigningKeyRing.Snapshot s = keys.rotate();
        tx.executeWithoutResult(t -> events.publish(DomainEvent.of("signing_key.rotated", s.activeKid(), caller.actorId(),
                Map.of("activeKid", s.activeKid())), client));
        return s;
    }
}
