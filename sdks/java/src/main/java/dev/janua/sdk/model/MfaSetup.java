package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An MFA enrolment just started: the TOTP secret / otpauth URI (or the SMS code sent), and backup codes. */
public class MfaSetup extends JanuaObject {
    public MfaSetup(JsonNode raw) { super(raw); }

    public String type() { return text("type"); }
    public String secret() { return text("secret"); }
    public String otpauthUri() { return text("otpauthUri"); }
    public String qrCode() { return text("qrCode"); }
    public List<String> backupCodes() { return strings("backupCodes"); }
    public boolean sent() { return flag("sent"); }
    public String phoneNumber() { return text("phoneNumber"); }
    public Instant expiresAt() { return instant("expiresAt"); }
}
