package dev.janua.server.passkeys.domain;

import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.verifier.exception.BadAaguidException;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.BadTopOriginException;
import com.webauthn4j.verifier.exception.CertificateException;
import com.webauthn4j.verifier.exception.CredentialIdTooLongException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.MissingChallengeException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.NotAllowedCredentialIdException;
import com.webauthn4j.verifier.exception.PublicKeyMismatchException;
import com.webauthn4j.verifier.exception.SelfAttestationProhibitedException;
import com.webauthn4j.verifier.exception.TrustAnchorNotFoundException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.Map;

/**
 * webauthn4j throws one exception type per failed verification step; each becomes one permanent
 * Janua error code (the {@code reason} in the details names the step), so a client can tell a
 * wrong origin from a bad signature and nothing reaches the caller as a 500.
 */
public final class PasskeyFailure {
    private PasskeyFailure() {}

    public static JanuaException of(RuntimeException e) {
        return switch (e) {
            case JanuaException j -> j;
            case DataConversionException d -> malformed("encoding");
            case CredentialIdTooLongException c -> malformed("credential_id_too_long");
            case BadOriginException b -> fail(ErrorCode.PASSKEY_ORIGIN_MISMATCH, "origin");
            case BadTopOriginException b -> fail(ErrorCode.PASSKEY_ORIGIN_MISMATCH, "top_origin");
            case CrossOriginException c -> fail(ErrorCode.PASSKEY_ORIGIN_MISMATCH, "cross_origin");
            case BadRpIdException b -> fail(ErrorCode.PASSKEY_RP_ID_MISMATCH, "rp_id_hash");
            case InconsistentClientDataTypeException i -> fail(ErrorCode.PASSKEY_TYPE_MISMATCH, "client_data_type");
            case BadChallengeException b -> fail(ErrorCode.PASSKEY_CHALLENGE_INVALID, "mismatch");
            case MissingChallengeException m -> fail(ErrorCode.PASSKEY_CHALLENGE_INVALID, "missing");
            case UserNotPresentException u -> fail(ErrorCode.PASSKEY_USER_NOT_PRESENT, "user_present_flag");
            case UserNotVerifiedException u -> fail(ErrorCode.PASSKEY_USER_NOT_VERIFIED, "user_verified_flag");
            case BadSignatureException b -> fail(ErrorCode.PASSKEY_SIGNATURE_INVALID, "signature");
            case MaliciousCounterValueException m -> fail(ErrorCode.PASSKEY_COUNTER_REGRESSION, "sign_count");
            case NotAllowedCredentialIdException n -> fail(ErrorCode.PASSKEY_CREDENTIAL_NOT_ALLOWED, "allow_credentials");
            case BadAttestationStatementException b -> fail(ErrorCode.PASSKEY_ATTESTATION_INVALID, "attestation_statement");
            case CertificateException c -> fail(ErrorCode.PASSKEY_ATTESTATION_INVALID, "attestation_certificate");
            case TrustAnchorNotFoundException t -> fail(ErrorCode.PASSKEY_ATTESTATION_INVALID, "trust_anchor");
            case SelfAttestationProhibitedException s -> fail(ErrorCode.PASSKEY_ATTESTATION_INVALID, "self_attestation");
            case PublicKeyMismatchException p -> fail(ErrorCode.PASSKEY_ATTESTATION_INVALID, "public_key_mismatch");
            case BadAaguidException b -> fail(ErrorCode.PASSKEY_ATTESTATION_INVALID, "aaguid");
            case NotAllowedAlgorithmException n -> fail(ErrorCode.PASSKEY_VERIFICATION_FAILED, "algorithm_not_allowed");
            case BadAlgorithmException b -> fail(ErrorCode.PASSKEY_VERIFICATION_FAILED, "algorithm");
            case VerificationException v -> fail(ErrorCode.PASSKEY_VERIFICATION_FAILED,
                    v.getClass().getSimpleName().replace("Exception", ""));
            // anything else thrown while decoding (bad base64url, truncated CBOR, wrong JSON shape)
            default -> malformed("encoding");
        };
    }

    public static JanuaException malformed(String reason) {
        return fail(ErrorCode.PASSKEY_MALFORMED, reason);
    }

    public static JanuaException fail(ErrorCode code, String reason) {
        return new JanuaException(code, Map.of("reason", reason));
    }
}
