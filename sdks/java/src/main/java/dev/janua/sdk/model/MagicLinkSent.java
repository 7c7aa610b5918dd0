package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Answer to sending a magic link (the same whether or not the address has an account). */
public class MagicLinkSent extends JanuaObject {
    public MagicLinkSent(JsonNode raw) { super(raw); }

    public boolean success() { return flag("success"); }
    public String message() { return text("message"); }
    public String linkId() { return text("linkId"); }
    public Instant expiresAt() { return instant("expiresAt"); }
}
