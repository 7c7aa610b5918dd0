package dev.janua.server.auth.app;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignIns;
import dev.janua.server.organizations.Invitations;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.domain.PasswordPolicy;
import dev.janua.server.users.domain.ProfileRules;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting an invitation: as the signed-in invitee, or by signing up through it. A sign-up by
 * invitation creates the account (its email proven by the link), the membership and the
 * invitation's use in one transaction, then signs the new user in.
 */
@Service
public class InvitationSignUp {
    private final Invitations invitations;
    private final UserDirectory users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final SignIns signIns;
    private final TransactionTemplate tx;

    public InvitationSignUp(Invitations invitations, UserDirectory users, PasswordPolicy policy, PasswordHasher hasher,
                            SignIns signIns, TransactionTemplate tx) {
        this.invitations = invitations;
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.signIns = signIns;
        this.tx = tx;
    }

    public record NewAccount(String password, String firstName, String lastName, String username) {}

    /** {@code signIn} goes through the common sign-in end, so an organization's mfaRequired sends the new member to enrol. */
    public record SignedUp(SignInOutcome signIn, Invitations.Accepted accepted) {}

    public Invitations.Accepted acceptAs(String userId, String token, ClientInfo client) {
        return tx.execute(t -> invitations.accept(token, userId, client));
    }

    public SignedUp signUp(String token, NewAccount account, ClientInfo client) {
        Invitations.Pending pending = invitations.pending(token);
        if (users.findByEmail(pending.email()).isPresent()) {
            throw new JanuaException(ErrorCode.EMAIL_ALREADY_EXISTS, Map.of("reason", "sign_in_to_accept"));
        }
        ProfileRules.check(new ProfileChange(account.firstName(), account.lastName(), account.username(),
                null, null, null, null, null, null));
        policy.check(account.password(), pending.email(), account.firstName(), account.lastName(), account.username());
        String hash = hasher.hash(account.password());
        record Joined(User user, Invitations.Accepted accepted) {}
        Joined joined = tx.execute(t -> {
            User user = users.create(new NewUser(pending.email(), hash, account.firstName(), account.lastName(), account.username(),
                    null, true, false), null, client);
            return new Joined(user, invitations.accept(token, user.id(), client));
        });
        return new SignedUp(signIns.finish(joined.user(), "invitation", false, null, client), joined.accepted());
    }
}
