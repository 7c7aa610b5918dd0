package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;

/**
 * A token pair: the access token (a JWT, {@code Authorization: Bearer}) and the refresh token ({@code rt_…},
 * single use — every refresh answers a new one). Persist both after every refresh, or a restarted process
 * cannot refresh.
 */
public final class Tokens extends JanuaObject {
    private final Instant expiresAt;

    /** Parses a {@code tokens} object; {@code receivedAt} turns {@code expiresIn} into an instant. */
    public Tokens(JsonNode raw, Instant receivedAt) {
        super(raw);
        Instant at = instant("expiresAt");
        Long in = number("expiresIn");
        this.expiresAt = at != null ? at : in != null ? receivedAt.plusSeconds(in) : null;
    }

    /** Restores a stored pair (e.g. from a cookie store); {@code expiresAt} may be null (unknown). */
    public static Tokens of(String accessToken, String refreshToken, Instant expiresAt) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("accessToken", Objects.requireNonNull(accessToken, "accessToken"));
        n.put("refreshToken", refreshToken);
        n.put("tokenType", "Bearer");
        if (expiresAt != null) n.put("expiresAt", expiresAt.toString());
        return new Tokens(n, Instant.now());
    }

    public String accessToken() { return text("accessToken"); }
    public String refreshToken() { return text("refreshToken"); }
    public String tokenType() { return text("tokenType"); }
    /** Lifetime of the access token in seconds, as sent. */
    public Long expiresIn() { return number("expiresIn"); }
    /** When the access token expires; null when unknown. */
    public Instant expiresAt() { return expiresAt; }

    @Override
    public String toString() {
        // never print credentials (logs, exception messages)
        return "Tokens[expiresAt=" + expiresAt + "]";
    }
}
