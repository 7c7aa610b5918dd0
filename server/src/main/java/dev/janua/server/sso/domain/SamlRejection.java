package dev.janua.server.sso.domain;

import com.onelogin.saml2.exception.ValidationError;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.Map;

/**
 * Why a SAML response was refused, said with Janua's stable codes. java-saml reports a numbered
 * {@link ValidationError}; the groups below follow SAML 2.0 Core §3.2.2 (Response), §2.5 (Conditions),
 * §2.4.1.2 (SubjectConfirmationData) and Profiles §4.1.4.3 (Response usage). Every failure is a 4xx;
 * the library's own words go to the log, never to the caller.
 */
public final class SamlRejection {
    private SamlRejection() {}

    public static JanuaException of(ErrorCode code, String reason) {
        return new JanuaException(code, Map.of("reason", reason));
    }

    /** Maps a java-saml failure (the exception {@code isValid} recorded) onto a code. */
    public static JanuaException from(Exception e) {
        if (!(e instanceof ValidationError v)) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("Timing issues")) return of(ErrorCode.SAML_ASSERTION_EXPIRED, "timing");
            return of(ErrorCode.SAML_RESPONSE_INVALID, "unreadable");
        }
        return switch (v.getErrorCode()) {
            case ValidationError.WRONG_SIGNED_ELEMENT, ValidationError.ID_NOT_FOUND_IN_SIGNED_ELEMENT,
                 ValidationError.DUPLICATED_ID_IN_SIGNED_ELEMENTS, ValidationError.INVALID_SIGNED_ELEMENT,
                 ValidationError.DUPLICATED_REFERENCE_IN_SIGNED_ELEMENTS, ValidationError.UNEXPECTED_SIGNED_ELEMENTS,
                 ValidationError.WRONG_NUMBER_OF_SIGNATURES_IN_RESPONSE, ValidationError.WRONG_NUMBER_OF_SIGNATURES_IN_ASSERTION,
                 ValidationError.NO_SIGNED_MESSAGE, ValidationError.NO_SIGNED_ASSERTION, ValidationError.NO_SIGNATURE_FOUND,
                 ValidationError.INVALID_SIGNATURE, ValidationError.WRONG_NUMBER_OF_SIGNATURES, ValidationError.UNEXPECTED_REFERENCE,
                 ValidationError.KEY_ALGORITHM_ERROR -> of(ErrorCode.SAML_SIGNATURE_INVALID, reasonOf(v));
            case ValidationError.ASSERTION_EXPIRED, ValidationError.SESSION_EXPIRED, ValidationError.RESPONSE_EXPIRED ->
                    of(ErrorCode.SAML_ASSERTION_EXPIRED, reasonOf(v));
            case ValidationError.ASSERTION_TOO_EARLY -> of(ErrorCode.SAML_ASSERTION_NOT_YET_VALID, reasonOf(v));
            case ValidationError.WRONG_AUDIENCE, ValidationError.SP_NAME_QUALIFIER_NAME_MISMATCH -> of(ErrorCode.SAML_AUDIENCE_INVALID, reasonOf(v));
            case ValidationError.WRONG_DESTINATION, ValidationError.EMPTY_DESTINATION -> of(ErrorCode.SAML_RECIPIENT_INVALID, reasonOf(v));
            case ValidationError.WRONG_ISSUER, ValidationError.ISSUER_MULTIPLE_IN_RESPONSE, ValidationError.ISSUER_NOT_FOUND_IN_ASSERTION ->
                    of(ErrorCode.SAML_ISSUER_INVALID, reasonOf(v));
            case ValidationError.WRONG_INRESPONSETO -> of(ErrorCode.SAML_IN_RESPONSE_TO_INVALID, reasonOf(v));
            case ValidationError.STATUS_CODE_IS_NOT_SUCCESS -> of(ErrorCode.SAML_IDP_ERROR, reasonOf(v));
            case ValidationError.WRONG_SUBJECTCONFIRMATION -> subjectConfirmation(v);
            default -> of(ErrorCode.SAML_RESPONSE_INVALID, reasonOf(v));
        };
    }

    /** java-saml folds every SubjectConfirmationData check into one number; its message says which one failed. */
    private static JanuaException subjectConfirmation(ValidationError v) {
        String m = String.valueOf(v.getMessage());
        if (m.contains("Recipient")) return of(ErrorCode.SAML_RECIPIENT_INVALID, "subject_confirmation_recipient");
        if (m.contains("InResponseTo")) return of(ErrorCode.SAML_IN_RESPONSE_TO_INVALID, "subject_confirmation_in_response_to");
        if (m.contains("not yet valid")) return of(ErrorCode.SAML_ASSERTION_NOT_YET_VALID, "subject_confirmation_not_before");
        if (m.contains("no longer valid") || m.contains("NotOnOrAfter")) return of(ErrorCode.SAML_ASSERTION_EXPIRED, "subject_confirmation_expired");
        return of(ErrorCode.SAML_RESPONSE_INVALID, "subject_confirmation");
    }

    private static String reasonOf(ValidationError v) {
        for (var f : ValidationError.class.getFields()) {
            try {
                if (f.getType() == int.class && f.getInt(null) == v.getErrorCode()) return f.getName().toLowerCase(java.util.Locale.ROOT);
            } catch (IllegalAccessException ignored) {
                // public static fields: not reached
            }
        }
        return "validation_" + v.getErrorCode();
    }
}
