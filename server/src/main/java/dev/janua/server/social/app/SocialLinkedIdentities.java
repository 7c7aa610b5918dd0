package dev.janua.server.social.app;

import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.social.LinkedIdentities;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link LinkedIdentities} over {@link SocialAccounts}: the same rules as {@code DELETE /users/me/identities/{id}}. */
@Component
class SocialLinkedIdentities implements LinkedIdentities {
    private final SocialAccounts accounts;

    SocialLinkedIdentities(SocialAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Linked> of(String userId) {
        return accounts.list(userId).stream().map(i -> new Linked(i.id(), i.provider(), i.email(), i.createdAt())).toList();
    }

    @Override
    public void unlink(String userId, String identityId, ClientInfo client) {
        // by id only: the API also accepts a provider name, the page always sends the id it listed
        if (identityId == null || !identityId.startsWith("idn_")) {
            throw dev.janua.server.platform.errors.JanuaException.of(dev.janua.server.platform.errors.ErrorCode.IDENTITY_NOT_FOUND, "id",
                    String.valueOf(identityId));
        }
        accounts.unlink(userId, identityId, client);
    }
}
