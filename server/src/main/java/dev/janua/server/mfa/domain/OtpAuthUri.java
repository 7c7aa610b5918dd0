package dev.janua.server.mfa.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/Issuer:account?secret=…&issuer=…} URI of the Key Uri Format that
 * authenticator apps (Google Authenticator, Authy, 1Password, …) read from the QR code.
 */
public final class OtpAuthUri {
    private OtpAuthUri() {}

    public static String totp(String issuer, String account, String base32Secret, Totp totp) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + totp.digits() + "&period=" + totp.stepSeconds();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
