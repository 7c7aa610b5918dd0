package dev.janua.server.social;

import dev.janua.server.platform.web.ClientInfo;
import java.time.Instant;
import java.util.List;

/** The provider accounts linked to a person, for the account page: listed, and unlinked under the last-way-in rule. */
public interface LinkedIdentities {
    record Linked(String id, String provider, String email, Instant linkedAt) {}

    List<Linked> of(String userId);

    /** Refused with {@code LAST_SIGN_IN_METHOD} when nothing else would let the person in; {@code IDENTITY_NOT_FOUND} for another's. */
    void unlink(String userId, String identityId, ClientInfo client);
}
