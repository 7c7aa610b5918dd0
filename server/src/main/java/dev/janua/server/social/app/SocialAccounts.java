package dev.janua.server.social.app;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.social.SignInMethodCount;
import dev.janua.server.social.domain.ExternalProfile;
import dev.janua.server.social.domain.SocialIdentity;
import dev.janua.server.social.persistence.JdbcSocialIdentities;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.domain.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a provider's answer signs in, and the identities a user links and unlinks. The rules:
 * a known {@code (provider, subject)} is its user; otherwise an account with the same email is
 * linked only when the provider asserts the email verified AND the account's email is verified
 * (so neither an unverified provider address nor a pre-registered, never-verified account can take
 * over anyone); otherwise {@code ACCOUNT_LINK_REQUIRED} — sign in the usual way and link from the
 * account; no account at all → a new one. Each link/unlink and its event share one transaction.
 */
@Service
public class SocialAccounts {
    private final JdbcSocialIdentities identities;
    private final UserDirectory users;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<SignInMethodCount> otherMethods;

    public SocialAccounts(JdbcSocialIdentities identities, UserDirectory users, EventPublisher events, IdGenerator ids,
                          TransactionTemplate tx, Clock clock, List<SignInMethodCount> otherMethods) {
        this.identities = identities;
        this.users = users;
        this.events = events;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
        this.otherMethods = otherMethods;
    }

    public record Resolved(User user, boolean isNewUser, SocialIdentity identity) {}

    /** Sign-in: the user this profile signs in (created when new). */
    public Resolved signIn(String provider, ExternalProfile profile, ClientInfo client) {
        try {
            return tx.execute(t -> resolve(provider, profile, client));
        } catch (DuplicateKeyException e) {
            // the same first sign-in finished twice at once: the other one created the account; use it
            return tx.execute(t -> resolve(provider, profile, client));
        }
    }

    private Resolved resolve(String provider, ExternalProfile profile, ClientInfo client) {
        Instant now = clock.instant();
        var known = identities.find(provider, profile.subject());
        if (known.isPresent()) {
            User user = active(users.findById(known.get().userId()).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND)));
            identities.touch(known.get().id(), profile.email(), profile.emailVerified(), profile.displayName(), now);
            return new Resolved(user, false, known.get());
        }
        if (profile.email() == null) throw JanuaException.of(ErrorCode.OAUTH_CALLBACK_FAILED, "reason", "email_missing");
        String email;
        try {
            email = EmailAddress.requireValid(profile.email());
        } catch (JanuaException e) {
            throw JanuaException.of(ErrorCode.OAUTH_CALLBACK_FAILED, "reason", "email_invalid");
        }
        var existing = users.findByEmail(email);
        if (existing.isPresent()) {
            User user = active(existing.get());
            if (!profile.emailVerified() || !user.emailVerified()) {
                throw new JanuaException(ErrorCode.ACCOUNT_LINK_REQUIRED, Map.of("provider", provider,
                        "reason", profile.emailVerified() ? "account_email_unverified" : "provider_email_unverified"));
            }
            return new Resolved(user, false, link(user.id(), provider, profile, "verified_email", client, now));
        }
        User created = users.create(new NewUser(email, null, profile.firstName(), profile.lastName(), null,
                profile.pictureUrl() == null ? null : Map.of("picture", profile.pictureUrl()), profile.emailVerified(), false), null, client);
        return new Resolved(created, true, link(created.id(), provider, profile, "sign_up", client, now));
    }

    /** An explicit link by a signed-in user (the link flow's callback). */
    public SocialIdentity linkTo(String userId, String provider, ExternalProfile profile, ClientInfo client) {
        try {
            return tx.execute(t -> {
                active(users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND)));
                var known = identities.find(provider, profile.subject());
                if (known.isPresent()) {
                    if (known.get().userId().equals(userId)) return known.get();
                    throw JanuaException.of(ErrorCode.IDENTITY_ALREADY_LINKED, "provider", provider);
                }
                return link(userId, provider, profile, "explicit", client, clock.instant());
            });
        } catch (DuplicateKeyException e) {
            throw JanuaException.of(ErrorCode.IDENTITY_ALREADY_LINKED, "provider", provider);
        }
    }

    public List<SocialIdentity> list(String userId) {
        return identities.ofUser(userId);
    }

    /** Refused with {@code LAST_SIGN_IN_METHOD} when nothing else would let the user in. */
    public void unlink(String userId, String identityId, ClientInfo client) {
        unlink(userId, identityId, userId, client);
    }

    /** The same, done by someone else (a platform admin in the console): {@code identity.unlinked} names them as the actor. */
    public void unlink(String userId, String identityId, String actorId, ClientInfo client) {
        tx.executeWithoutResult(t -> {
            List<SocialIdentity> all = identities.ofUserForUpdate(userId);
            SocialIdentity target = all.stream().filter(i -> i.id().equals(identityId) || i.provider().equals(identityId)).findFirst()
                    .orElseThrow(() -> JanuaException.of(ErrorCode.IDENTITY_NOT_FOUND, "id", identityId));
            int remaining = all.size() - 1 + (users.hasPassword(userId) ? 1 : 0);
            for (SignInMethodCount m : otherMethods) remaining += m.count(userId);
            if (remaining <= 0) throw JanuaException.of(ErrorCode.LAST_SIGN_IN_METHOD, "provider", target.provider());
            identities.delete(userId, target.id());
            events.publish(DomainEvent.of("identity.unlinked", userId, actorId, Map.of("userId", userId, "identityId", target.id(),
                    "provider", target.provider())), client);
        });
    }

    private SocialIdentity link(String userId, String provider, ExternalProfile profile, String how, ClientInfo client, Instant now) {
        SocialIdentity identity = new SocialIdentity(ids.next("idn"), userId, provider, profile.subject(), profile.email(),
                profile.emailVerified(), profile.displayName(), now, now);
        identities.insert(identity);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("identityId", identity.id());
        data.put("provider", provider);
        data.put("linkedBy", how);
        if (profile.email() != null) data.put("email", profile.email());
        events.publish(DomainEvent.of("identity.linked", userId, userId, data), client);
        return identity;
    }

    private static User active(User user) {
        if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
        return user;
    }
}
