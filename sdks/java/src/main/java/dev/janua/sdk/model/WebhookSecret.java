package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An endpoint's signing secret; after a rotation the previous one signs too until {@link #previousSecretValidUntil()}. */
public class WebhookSecret extends JanuaObject {
    public WebhookSecret(JsonNode raw) { super(raw); }

    public String secret() { return text("secret"); }
    public Instant previousSecretValidUntil() { return instant("previousSecretValidUntil"); }
}
