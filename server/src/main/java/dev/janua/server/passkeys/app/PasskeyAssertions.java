package dev.janua.server.passkeys.app;

import dev.janua.server.passkeys.domain.PasskeyFailure;
import dev.janua.server.passkeys.domain.WebAuthnCeremony;
import dev.janua.server.passkeys.domain.WebAuthnCeremony.ParsedAssertion;
import dev.janua.server.passkeys.domain.WebAuthnCeremony.StoredCredential;
import dev.janua.server.passkeys.domain.WebAuthnCeremony.VerifiedAssertion;
import dev.janua.server.passkeys.persistence.JdbcPasskeyChallenges.ChallengeRow;
import dev.janua.server.passkeys.persistence.JdbcPasskeyRepository;
import dev.janua.server.passkeys.persistence.JdbcPasskeyRepository.PasskeyRow;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks one assertion (WebAuthn L3 §7.2) for sign-in or for the MFA step: spend its challenge,
 * find the credential, check it may answer this ceremony, let webauthn4j verify, then store the
 * new counter and publish {@code passkey.used} in one transaction. A counter that went backwards
 * is refused and raises {@code passkey.clone_suspected} (committed even though the request fails).
 */
@Component
public class PasskeyAssertions {
    private final PasskeyCeremonies ceremonies;
    private final JdbcPasskeyRepository passkeys;
    private final WebAuthnCeremony webauthn;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PasskeyAssertions(PasskeyCeremonies ceremonies, JdbcPasskeyRepository passkeys, WebAuthnCeremony webauthn, EventPublisher events,
                             TransactionTemplate tx, Clock clock) {
        this.ceremonies = ceremonies;
        this.passkeys = passkeys;
        this.webauthn = webauthn;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The passkey that answered, and whether its authenticator verified the user (UV flag). */
    public record Asserted(PasskeyRow passkey, boolean userVerified) {}

    /**
     * @param ceremony     {@link PasskeyCeremonies#AUTHENTICATION} or {@link PasskeyCeremonies#SECOND_FACTOR}
     * @param mfaTokenHash for the second factor: the MFA challenge the assertion must have been asked for
     */
    public Asserted verify(String json, String ceremony, String expectedUserId, String mfaTokenHash, ClientInfo client) {
        ParsedAssertion parsed = webauthn.parseAssertion(json);
        ChallengeRow challenge = ceremonies.spend(parsed.challenge(), ceremony);
        if (expectedUserId != null && challenge.userId() != null && !expectedUserId.equals(challenge.userId())) {
            throw PasskeyCeremonies.challengeInvalid("other_user");
        }
        if (mfaTokenHash != null && !mfaTokenHash.equals(challenge.mfaTokenHash())) throw PasskeyCeremonies.challengeInvalid("other_challenge");
        PasskeyRow row = passkeys.findByCredentialId(parsed.credentialId())
                .orElseThrow(() -> PasskeyFailure.fail(ErrorCode.PASSKEY_UNKNOWN_CREDENTIAL, "credential_id"));
        // §7.2 step 6: the credential must be the identified user's, and the user handle (when sent) its owner's
        if (challenge.userId() != null && !challenge.userId().equals(row.userId())) {
            throw PasskeyFailure.fail(ErrorCode.PASSKEY_CREDENTIAL_NOT_ALLOWED, "other_user");
        }
        if (parsed.userHandle() != null && !parsed.userHandle().equals(PasskeyCeremonies.userHandle(row.userId()))) {
            throw PasskeyFailure.fail(ErrorCode.PASSKEY_CREDENTIAL_NOT_ALLOWED, "user_handle");
        }
        List<String> allow = challenge.userId() == null ? null
                : passkeys.listByUser(challenge.userId()).stream().map(PasskeyRow::credentialId).toList();
        StoredCredential stored = new StoredCredential(row.credentialId(), row.publicKeyCose(), row.signCount(), row.uvInitialized(),
                row.backupEligible(), row.backedUp(), row.transports());
        VerifiedAssertion verified;
        try {
            verified = webauthn.verifyAssertion(parsed, ceremonies.relyingParty(), stored, allow, "required".equals(challenge.userVerification()));
        } catch (JanuaException e) {
            if (e.code() == ErrorCode.PASSKEY_COUNTER_REGRESSION) cloneSuspected(row, parsed, client);
            throw e;
        }
        return tx.execute(t -> {
            if (!passkeys.recordUse(row.id(), verified.signCount(), verified.backedUp(), clock.instant())) {
                // a parallel use with the same or a higher counter got there first: this one is a replay or a clone
                throw PasskeyFailure.fail(ErrorCode.PASSKEY_COUNTER_REGRESSION, "sign_count");
            }
            Map<String, Object> data = describe(row);
            data.put("userVerified", verified.userVerified());
            data.put("context", PasskeyCeremonies.SECOND_FACTOR.equals(ceremony) ? "mfa" : "signin");
            events.publish(DomainEvent.of("passkey.used", row.userId(), row.userId(), data), client);
            return new Asserted(row, verified.userVerified());
        });
    }

    private void cloneSuspected(PasskeyRow row, ParsedAssertion parsed, ClientInfo client) {
        Map<String, Object> data = describe(row);
        data.put("storedSignCount", row.signCount());
        data.put("presentedSignCount", parsed.data().getAuthenticatorData().getSignCount());
        tx.executeWithoutResult(t -> events.publish(DomainEvent.of("passkey.clone_suspected", row.userId(), null, data), client));
    }

    static Map<String, Object> describe(PasskeyRow row) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", row.userId());
        data.put("passkeyId", row.id());
        data.put("name", row.name());
        data.put("aaguid", row.aaguid());
        return data;
    }
}
