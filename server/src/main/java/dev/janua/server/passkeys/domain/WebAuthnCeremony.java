package dev.janua.server.passkeys.domain;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.attestation.statement.androidkey.AndroidKeyAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.androidsafetynet.AndroidSafetyNetAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.apple.AppleAnonymousAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.none.NoneAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.tpm.TPMAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.u2f.FIDOU2FAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.self.NullSelfAttestationTrustworthinessVerifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.util.function.SingletonSupplier;

/**
 * The two WebAuthn ceremonies, verified by webauthn4j (never by hand): registration (WebAuthn L3
 * §7.1) and authentication (§7.2). As webauthn4j does, parsing and verification are separate
 * calls: the caller parses first to learn which stored challenge the response answers, spends that
 * challenge, then verifies against it. Every failure is a {@link dev.janua.server.platform.errors.JanuaException}
 * with a stable code ({@link PasskeyFailure}).
 *
 * <p>Attestation {@code none} is accepted and any statement that is present ({@code packed},
 * {@code fido-u2f}, {@code tpm}, {@code android-key}, {@code apple}, …) is verified: one whose
 * signature does not verify is refused; certificate chains are not matched against a trust store
 * (no metadata service), and self attestation is allowed.
 */
public final class WebAuthnCeremony {
    /** ES256, EdDSA, RS256 — what browsers and platform authenticators produce (§5.4 pubKeyCredParams). */
    public static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);
    private static final List<PublicKeyCredentialParameters> PARAMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    /** §5.8.3: credential ids are at most 1023 bytes. */
    public static final int MAX_CREDENTIAL_ID_BYTES = 1023;

    /** webauthn4j's manager and converter, built on the first ceremony: building them loads a few thousand classes
     * (Jackson CBOR, the attestation verifiers), start-up time for a feature many deployments never use (issue 16). */
    private final SingletonSupplier<Engine> engine = SingletonSupplier.of(Engine::create);

    private record Engine(WebAuthnManager manager, ObjectConverter converter) {
        static Engine create() {
            ObjectConverter converter = new ObjectConverter();
            // the real statement verifiers (webauthn4j's "non-strict" manager has Null ones that check nothing);
            // no trust store: a statement's signature must verify, its certificate chain is not anchored
            return new Engine(new WebAuthnManager(List.of(new NoneAttestationStatementVerifier(), new PackedAttestationStatementVerifier(),
                    new FIDOU2FAttestationStatementVerifier(), new AndroidKeyAttestationStatementVerifier(),
                    new AndroidSafetyNetAttestationStatementVerifier(), new TPMAttestationStatementVerifier(),
                    new AppleAnonymousAttestationStatementVerifier()),
                    new NullCertPathTrustworthinessVerifier(), new NullSelfAttestationTrustworthinessVerifier(), converter), converter);
        }
    }

    private WebAuthnManager manager() {
        return engine.obtain().manager();
    }

    private ObjectConverter converter() {
        return engine.obtain().converter();
    }

    /** A registration response ({@code PublicKeyCredential.toJSON()} of {@code create()}), decoded, not yet verified. */
    public record ParsedRegistration(RegistrationData data, String challenge) {}

    /** An authentication response ({@code toJSON()} of {@code get()}), decoded, not yet verified. */
    public record ParsedAssertion(AuthenticationData data, String challenge, String credentialId, String userHandle) {}

    /** What registration stores (§7.1 step 27): the credential and the flags it was created with. */
    public record NewCredential(String credentialId, String publicKeyCose, long signCount, boolean userVerified,
                                boolean backupEligible, boolean backedUp, Set<String> transports, String aaguid, String format) {}

    /** A stored credential, as verification of an assertion needs it. */
    public record StoredCredential(String credentialId, String publicKeyCose, long signCount, boolean uvInitialized,
                                   boolean backupEligible, boolean backedUp, Set<String> transports) {}

    /** What an assertion proved (§7.2 steps 21–24): the new counter and flags to store. */
    public record VerifiedAssertion(long signCount, boolean userVerified, boolean backedUp) {}

    public ParsedRegistration parseRegistration(String json) {
        try {
            RegistrationData data = manager().parseRegistrationResponseJSON(json);
            if (data.getCollectedClientData() == null || data.getAttestationObject() == null) throw PasskeyFailure.malformed("missing_fields");
            if (data.getCollectedClientData().getChallenge() == null) throw PasskeyFailure.malformed("missing_challenge");
            return new ParsedRegistration(data, Base64Url.encode(data.getCollectedClientData().getChallenge().getValue()));
        } catch (RuntimeException e) {
            throw PasskeyFailure.of(e);
        }
    }

    public ParsedAssertion parseAssertion(String json) {
        try {
            AuthenticationData data = manager().parseAuthenticationResponseJSON(json);
            if (data.getCollectedClientData() == null || data.getAuthenticatorData() == null || data.getSignature() == null
                    || data.getCredentialId() == null) {
                throw PasskeyFailure.malformed("missing_fields");
            }
            if (data.getCollectedClientData().getChallenge() == null) throw PasskeyFailure.malformed("missing_challenge");
            if (data.getCredentialId().length > MAX_CREDENTIAL_ID_BYTES) throw PasskeyFailure.malformed("credential_id_too_long");
            return new ParsedAssertion(data, Base64Url.encode(data.getCollectedClientData().getChallenge().getValue()),
                    Base64Url.encode(data.getCredentialId()),
                    data.getUserHandle() == null || data.getUserHandle().length == 0 ? null : Base64Url.encode(data.getUserHandle()));
        } catch (RuntimeException e) {
            throw PasskeyFailure.of(e);
        }
    }

    /** §7.1 steps 5–26 (type, challenge, origin, rpIdHash, UP, UV when required, alg, attestation). */
    public NewCredential verifyRegistration(ParsedRegistration parsed, RelyingParty rp, boolean userVerificationRequired) {
        try {
            RegistrationData data = parsed.data();
            manager().verify(data, new RegistrationParameters(serverProperty(rp, parsed.challenge()), PARAMS,
                    userVerificationRequired, true));
            AuthenticatorData<?> auth = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData attested = auth.getAttestedCredentialData();
            if (attested.getCredentialId().length > MAX_CREDENTIAL_ID_BYTES) throw PasskeyFailure.malformed("credential_id_too_long");
            String cose = Base64Url.encode(converter().getCborConverter().writeValueAsBytes(attested.getCOSEKey()));
            Set<String> transports = data.getTransports() == null ? Set.of()
                    : data.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.toCollection(TreeSet::new));
            return new NewCredential(Base64Url.encode(attested.getCredentialId()), cose, auth.getSignCount(), auth.isFlagUV(),
                    auth.isFlagBE(), auth.isFlagBS(), transports, attested.getAaguid().toString(), data.getAttestationObject().getFormat());
        } catch (com.webauthn4j.verifier.exception.BadSignatureException e) {
            // at registration the only signature is the attestation statement's
            throw PasskeyFailure.fail(dev.janua.server.platform.errors.ErrorCode.PASSKEY_ATTESTATION_INVALID, "attestation_signature");
        } catch (RuntimeException e) {
            throw PasskeyFailure.of(e);
        }
    }

    /**
     * §7.2 steps 7–24 (allowCredentials, type, challenge, origin, rpIdHash, UP, UV when required,
     * BE/BS consistency, signature, sign count: a count that does not grow — unless both are zero —
     * is {@code PASSKEY_COUNTER_REGRESSION}).
     */
    public VerifiedAssertion verifyAssertion(ParsedAssertion parsed, RelyingParty rp, StoredCredential stored,
                                             List<String> allowCredentials, boolean userVerificationRequired) {
        try {
            COSEKey key = converter().getCborConverter().readValue(Base64Url.decode(stored.publicKeyCose()), COSEKey.class);
            AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, Base64Url.decode(stored.credentialId()), key);
            Set<AuthenticatorTransport> transports = stored.transports().stream().map(AuthenticatorTransport::create)
                    .collect(Collectors.toSet());
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), stored.uvInitialized(),
                    stored.backupEligible(), stored.backedUp(), stored.signCount(), attested, null, null, null, transports);
            List<byte[]> allowed = allowCredentials == null ? null : allowCredentials.stream().map(Base64Url::decode).toList();
            AuthenticationData data = parsed.data();
            manager().verify(data, new AuthenticationParameters(serverProperty(rp, parsed.challenge()), record, allowed,
                    userVerificationRequired, true));
            AuthenticatorData<?> auth = data.getAuthenticatorData();
            return new VerifiedAssertion(auth.getSignCount(), auth.isFlagUV(), auth.isFlagBS());
        } catch (RuntimeException e) {
            throw PasskeyFailure.of(e);
        }
    }

    private static ServerProperty serverProperty(RelyingParty rp, String challenge) {
        Set<Origin> origins = rp.origins().stream().map(Origin::new).collect(Collectors.toSet());
        return ServerProperty.builder().origins(origins).rpId(rp.id())
                .challenge(new DefaultChallenge(Base64Url.decode(challenge))).build();
    }
}
