package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A plain acknowledgement: {@code {"success", "message"}} (and {@code revokedCount} where the server counts). */
public class Ack extends JanuaObject {
    public Ack(JsonNode raw) { super(raw); }

    public boolean success() { return flag("success"); }
    public String message() { return text("message"); }
    public Integer revokedCount() { return integer("revokedCount"); }
    public Integer sessionsInvalidated() { return integer("sessionsInvalidated"); }
}
