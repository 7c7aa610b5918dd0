package dev.janua.server.platform.errors;

import org.springframework.http.HttpStatus;

/**
 * Permanent machine codes of Janua's errors. The code never changes once published; the human
 * message comes from {@code messages*.properties} under {@code error.<CODE>} and is localised.
 */
public enum ErrorCode {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    VALIDATION_ERROR(HttpStatus.UNPROCESSABLE_CONTENT),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED),
    SESSION_EXPIRED(HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED),
    ACCOUNT_LOCKED(HttpStatus.LOCKED),
    ACCOUNT_SUSPENDED(HttpStatus.FORBIDDEN),
    EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    INSUFFICIENT_PERMISSIONS(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    USER_NOT_FOUND(HttpStatus.NOT_FOUND),
    WEBHOOK_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    EMAIL_ALREADY_EXISTS(HttpStatus.CONFLICT),
    USERNAME_ALREADY_EXISTS(HttpStatus.CONFLICT),
    CONFLICT(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    WEAK_PASSWORD(HttpStatus.UNPROCESSABLE_CONTENT),
    TOKEN_INVALID_OR_EXPIRED(HttpStatus.BAD_REQUEST),
    EMAIL_ALREADY_VERIFIED(HttpStatus.CONFLICT),
    CONFIRMATION_REQUIRED(HttpStatus.BAD_REQUEST),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    INVALID_MFA_CODE(HttpStatus.UNAUTHORIZED),
    MFA_TOKEN_INVALID(HttpStatus.UNAUTHORIZED),
    MFA_REQUIRED(HttpStatus.FORBIDDEN),
    MFA_ALREADY_ENABLED(HttpStatus.CONFLICT),
    MFA_NOT_ENABLED(HttpStatus.CONFLICT),
    MFA_SETUP_IN_PROGRESS(HttpStatus.CONFLICT),
    MFA_METHOD_UNAVAILABLE(HttpStatus.BAD_REQUEST),
    SESSION_NOT_FOUND(HttpStatus.NOT_FOUND),
    ORGANIZATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    SLUG_ALREADY_EXISTS(HttpStatus.CONFLICT),
    MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND),
    MEMBER_ALREADY_EXISTS(HttpStatus.CONFLICT),
    LAST_OWNER(HttpStatus.CONFLICT),
    DOMAIN_NOT_ALLOWED(HttpStatus.FORBIDDEN),
    INVITATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    INVITATION_EXPIRED(HttpStatus.GONE),
    INVITATION_REVOKED(HttpStatus.GONE),
    INVITATION_ALREADY_ACCEPTED(HttpStatus.CONFLICT),
    INVITATION_ALREADY_PENDING(HttpStatus.CONFLICT),
    INVITATION_EMAIL_MISMATCH(HttpStatus.FORBIDDEN),
    ROLE_NOT_FOUND(HttpStatus.NOT_FOUND),
    ROLE_ALREADY_EXISTS(HttpStatus.CONFLICT),
    ROLE_IN_USE(HttpStatus.CONFLICT),
    SYSTEM_ROLE_IMMUTABLE(HttpStatus.CONFLICT),
    INVALID_API_KEY(HttpStatus.UNAUTHORIZED),
    API_KEY_NOT_FOUND(HttpStatus.NOT_FOUND),
    QUERY_TOO_COMPLEX(HttpStatus.BAD_REQUEST),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return "error." + name();
    }
}
