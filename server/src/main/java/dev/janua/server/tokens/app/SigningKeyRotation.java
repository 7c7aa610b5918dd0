package dev.janua.server.tokens.app;

import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.PlatformAdmins;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A platform admin rotates the access-token signing key now (API and console). {@code
 * signing_key.rotated} (naming the admin, the source of its audit record) is written in the
 * transaction that stores the new key and retires the old: both commit, or neither does.
 */
@Service
public class SigningKeyRotation {
    private final SigningKeyRing keys;
    private final PlatformAdmins admins;
    private final EventPublisher events;

    public SigningKeyRotation(SigningKeyRing keys, PlatformAdmins admins, EventPublisher events) {
        this.keys = keys;
        this.admins = admins;
        this.events = events;
    }

    public SigningKeyRing.Snapshot rotate(Caller caller, ClientInfo client) {
        admins.require(caller);
        return keys.rotate(kid -> events.publish(DomainEvent.of("signing_key.rotated", kid, caller.actorId(),
                Map.of("activeKid", kid)), client));
    }
}
