package dev.janua.server.passkeys.app;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignIns;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.passkeys.PasskeyOptions;
import dev.janua.server.passkeys.PasskeyView;
import dev.janua.server.passkeys.Passkeys;
import dev.janua.server.passkeys.app.PasskeyAssertions.Asserted;
import dev.janua.server.passkeys.domain.AuthenticatorNames;
import dev.janua.server.passkeys.domain.PasskeyFailure;
import dev.janua.server.passkeys.domain.WebAuthnCeremony;
import dev.janua.server.passkeys.domain.WebAuthnCeremony.NewCredential;
import dev.janua.server.passkeys.domain.WebAuthnCeremony.ParsedRegistration;
import dev.janua.server.passkeys.persistence.JdbcPasskeyChallenges.ChallengeRow;
import dev.janua.server.passkeys.persistence.JdbcPasskeyRepository;
import dev.janua.server.passkeys.persistence.JdbcPasskeyRepository.PasskeyRow;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, sign-in and the owner's list. Verification (webauthn4j) runs before any
 * transaction; the stored change and its event are written together.
 */
@Service
public class PasskeyService implements Passkeys {
    static final int MAX_NAME = 100;
    private final PasskeyCeremonies ceremonies;
    private final PasskeyAssertions assertions;
    private final JdbcPasskeyRepository passkeys;
    private final WebAuthnCeremony webauthn;
    private final UserDirectory users;
    private final PasswordChecks passwords;
    private final SecondFactors secondFactors;
    private final SignIns signIns;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PasskeyService(PasskeyCeremonies ceremonies, PasskeyAssertions assertions, JdbcPasskeyRepository passkeys, WebAuthnCeremony webauthn,
                          UserDirectory users, PasswordChecks passwords, SecondFactors secondFactors, SignIns signIns,
                          EventPublisher events, IdGenerator ids, TransactionTemplate tx, Clock clock) {
        this.ceremonies = ceremonies;
        this.assertions = assertions;
        this.passkeys = passkeys;
        this.webauthn = webauthn;
        this.users = users;
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.signIns = signIns;
        this.events = events;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public PasskeyOptions.Creation registrationOptions(String userId, Preferences preferences, ClientInfo client) {
        return ceremonies.registration(activeUser(userId), preferences == null ? Preferences.DEFAULT : preferences);
    }

    /** WebAuthn L3 §7.1; the challenge must be one this user began (a challenge of another user's ceremony is refused). */
    @Override
    public PasskeyView register(String userId, String credentialJson, String name, ClientInfo client) {
        String label = name(name);
        ParsedRegistration parsed = webauthn.parseRegistration(credentialJson);
        ChallengeRow challenge = ceremonies.spend(parsed.challenge(), PasskeyCeremonies.REGISTRATION);
        if (!userId.equals(challenge.userId())) throw PasskeyCeremonies.challengeInvalid("other_user");
        NewCredential c = webauthn.verifyRegistration(parsed, ceremonies.relyingParty(), "required".equals(challenge.userVerification()));
        String authenticator = AuthenticatorNames.of(c.aaguid());
        PasskeyRow row = new PasskeyRow(ids.next("pk"), userId, c.credentialId(), c.publicKeyCose(), c.signCount(), c.userVerified(),
                c.backupEligible(), c.backedUp(), c.transports(), c.aaguid(), c.format(),
                label != null ? label : authenticator != null ? authenticator : "Passkey", clock.instant(), null);
        return tx.execute(t -> {
            // §7.1 step 22: a credential id registered to anyone (this user included) is refused
            if (passkeys.credentialExists(c.credentialId())) {
                throw PasskeyFailure.fail(ErrorCode.PASSKEY_ALREADY_REGISTERED, "credential_id");
            }
            passkeys.insert(row);
            Map<String, Object> data = PasskeyAssertions.describe(row);
            data.put("authenticatorName", authenticator);
            data.put("backupEligible", c.backupEligible());
            data.put("attestationFormat", c.format());
            events.publish(DomainEvent.of("passkey.created", userId, userId, data), client);
            return view(row);
        });
    }

    @Override
    public PasskeyOptions.Request authenticationOptions(String email, ClientInfo client) {
        if (email == null || email.isBlank()) return ceremonies.authentication(null, null);
        if (email.length() > 320) throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "email");
        User user = users.findByEmail(email.trim()).filter(u -> u.status() == UserStatus.ACTIVE).orElse(null);
        return ceremonies.authentication(email, user);
    }

    @Override
    public PasskeyOptions.Request secondFactorOptions(String mfaToken, ClientInfo client) {
        SecondFactors.PendingChallenge pending = secondFactors.pending(mfaToken);
        return ceremonies.secondFactor(pending.userId(), pending.tokenHash());
    }

    @Override
    public SignedIn signIn(String credentialJson, boolean rememberMe, String deviceToken, ClientInfo client) {
        Asserted a = assertions.verify(credentialJson, PasskeyCeremonies.AUTHENTICATION, null, null, client);
        User user = users.findById(a.passkey().userId())
                .orElseThrow(() -> PasskeyFailure.fail(ErrorCode.PASSKEY_UNKNOWN_CREDENTIAL, "credential_id"));
        if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
        // a user-verified passkey is possession plus a PIN or biometric: multi-factor by itself (NIST SP 800-63B §5.1.8)
        SignInOutcome outcome = a.userVerified()
                ? signIns.finishMultiFactor(user, "passkey", rememberMe, client)
                : signIns.finish(user, "passkey", rememberMe, deviceToken, client);
        return new SignedIn(outcome, a.userVerified() ? List.of("hwk", "user", "mfa") : List.of("hwk", "user"), a.passkey().id());
    }

    @Override
    public List<PasskeyView> list(String userId) {
        return passkeys.listByUser(userId).stream().map(PasskeyService::view).toList();
    }

    @Override
    public PasskeyView rename(String userId, String passkeyId, String name, ClientInfo client) {
        String label = name(name);
        if (label == null) throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "name");
        return tx.execute(t -> {
            PasskeyRow before = passkeys.find(userId, passkeyId).orElseThrow(PasskeyService::notFound);
            passkeys.rename(userId, passkeyId, label);
            Map<String, Object> data = PasskeyAssertions.describe(before);
            data.put("name", label);
            data.put("previousName", before.name());
            events.publish(DomainEvent.of("passkey.updated", userId, userId, data), client);
            return view(passkeys.find(userId, passkeyId).orElseThrow(PasskeyService::notFound));
        });
    }

    /**
     * An account must keep a way in: without a password, its last passkey stays. The user's
     * passkeys are locked first, so two parallel deletions of the last two cannot both pass.
     */
    @Override
    public void delete(String userId, String passkeyId, ClientInfo client) {
        delete(userId, passkeyId, userId, client);
    }

    @Override
    public void delete(String userId, String passkeyId, String actorId, ClientInfo client) {
        boolean hasPassword = passwords.hasPassword(userId);
        tx.executeWithoutResult(t -> {
            int count = passkeys.lockUserPasskeys(userId);
            PasskeyRow row = passkeys.find(userId, passkeyId).orElseThrow(PasskeyService::notFound);
            if (!hasPassword && count <= 1) throw JanuaException.of(ErrorCode.PASSKEY_LAST_CREDENTIAL, "reason", "no_password");
            if (!passkeys.delete(userId, passkeyId)) throw notFound();
            events.publish(DomainEvent.of("passkey.deleted", userId, actorId, PasskeyAssertions.describe(row)), client);
        });
    }

    private User activeUser(String userId) {
        User user = users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "resource", "user"));
        if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
        return user;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) return null;
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "name");
        }
        return trimmed;
    }

    private static JanuaException notFound() {
        return JanuaException.of(ErrorCode.PASSKEY_NOT_FOUND, "resource", "passkey");
    }

    static PasskeyView view(PasskeyRow r) {
        return new PasskeyView(r.id(), r.name(), r.credentialId(), r.aaguid(), AuthenticatorNames.of(r.aaguid()), List.copyOf(r.transports()),
                r.backupEligible(), r.backedUp(), r.backupEligible() ? "multi_device" : "single_device", r.createdAt(), r.lastUsedAt());
    }

}
