package dev.janua.server.mfa;

/** Wire names of the second factors, as clients send them in {@code method} / {@code type}. */
public final class MfaMethods {
    public static final String TOTP = "totp";
    public static final String BACKUP_CODE = "backup_code";
    public static final String SMS = "sms";
    /** Offered by the passkeys module ({@link ExternalSecondFactor}). */
    public static final String PASSKEY = "passkey";

    private MfaMethods() {}

    /** Accepts the spellings the seeds and SDKs use ("backup", "backupCode", "TOTP"). */
    public static String normalize(String method) {
        if (method == null || method.isBlank()) return null;
        return switch (method.trim().toLowerCase(java.util.Locale.ROOT).replace("-", "_")) {
            case "totp", "authenticator", "app" -> TOTP;
            case "backup_code", "backup", "backupcode", "recovery_code" -> BACKUP_CODE;
            case "sms", "phone", "text" -> SMS;
            case "passkey", "webauthn", "security_key" -> PASSKEY;
            default -> method;
        };
    }
}
