package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Answer of an MFA code check (enrolment confirmation or step-up). */
public class MfaVerification extends JanuaObject {
    public MfaVerification(JsonNode raw) { super(raw); }

    public boolean verified() { return flag("verified"); }
    public boolean mfaEnabled() { return flag("mfaEnabled"); }
    public String method() { return text("method"); }
    public String message() { return text("message"); }
}
