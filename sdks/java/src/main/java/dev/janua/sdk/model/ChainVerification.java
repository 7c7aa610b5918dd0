package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Result of verifying the audit log's hash chain. */
public class ChainVerification extends JanuaObject {
    public ChainVerification(JsonNode raw) { super(raw); }

    public boolean valid() { return flag("valid"); }
    public Long recordsChecked() { return number("recordsChecked"); }
    public Long firstInvalidPosition() { return number("firstInvalidPosition"); }
    public String firstInvalidId() { return text("firstInvalidId"); }
    public String reason() { return text("reason"); }
}
