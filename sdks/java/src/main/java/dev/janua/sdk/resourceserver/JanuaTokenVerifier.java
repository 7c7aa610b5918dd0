package dev.janua.sdk.resourceserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Verifies Janua access tokens offline, in your own service (docs/tokens.md): RS256 only, {@code typ: at+jwt}
 * (RFC 9068), the signature against Janua's JWKS (cached; an unknown {@code kid} refetches it, rate-limited),
 * {@code iss}, {@code aud}, {@code exp}, {@code nbf}, {@code iat} with a clock skew, and {@code sub}/{@code sid}/{@code jti}
 * present. Tokens naming their own key ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) are refused.
 *
 * <p>Offline verification cannot see a sign-out: a revoked session's access token stays valid here until it
 * expires (one hour by default). Where that matters, ask Janua ({@code client.sessions()} or a short token lifetime).
 *
 * <pre>{@code
 * JanuaTokenVerifier verifier = JanuaTokenVerifier.builder().issuer("https://auth.example.com").build();
 * VerifiedToken token = verifier.verify(request.getHeader("Authorization"));
 * }</pre>
 */
public final class JanuaTokenVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;
    private final JwksCache jwks;

    private JanuaTokenVerifier(Builder b) {
        this.issuer = Objects.requireNonNull(b.issuer, "issuer").replaceAll("/+$", "");
        this.audience = b.audience;
        this.clockSkew = b.clockSkew;
        this.clock = b.clock;
        URI uri = b.jwksUri != null ? URI.create(b.jwksUri) : URI.create(issuer + "/.well-known/jwks.json");
        HttpClient http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.jwks = new JwksCache(http, uri, b.cacheTtl, b.minRefetchInterval, clock);
    }

    public static Builder builder() { return new Builder(); }

    /**
     * Verifies a token (or an {@code Authorization} header value {@code Bearer …}) and answers its claims.
     *
     * @throws TokenVerificationException with {@code reason} when any check fails
     */
    public VerifiedToken verify(String token) {
        if (token == null) throw new TokenVerificationException("malformed", "No token");
        String jwt = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).trim() : token.trim();
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) throw new TokenVerificationException("malformed", "Not a signed JWT");
        JsonNode header = decode(parts[0]);
        String alg = header.path("alg").asText();
        if (!"RS256".equals(alg)) throw new TokenVerificationException("algorithm_not_allowed", "alg " + alg + " is not accepted");
        String typ = header.path("typ").asText("");
        if (!typ.equalsIgnoreCase("at+jwt") && !typ.equalsIgnoreCase("application/at+jwt")) {
            throw new TokenVerificationException("invalid_type", "typ must be at+jwt (an access token), was " + typ);
        }
        for (String embedded : new String[]{"jku", "x5u", "jwk", "x5c"}) {
            if (header.has(embedded)) throw new TokenVerificationException("embedded_key_reference", "tokens naming their own key (" + embedded + ") are refused");
        }
        String kid = header.path("kid").asText(null);
        if (kid == null) throw new TokenVerificationException("unknown_kid", "No kid");
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new TokenVerificationException("malformed", "Signature is not base64url");
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(jwks.key(kid));
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(signature)) throw new TokenVerificationException("invalid_signature", "Signature does not verify");
        } catch (GeneralSecurityException e) {
            throw new TokenVerificationException("invalid_signature", "Signature does not verify");
        }
        JsonNode claims = decode(parts[1]);
        checkClaims(claims);
        return new VerifiedToken(claims);
    }

    /** How many times the JWKS was fetched so far. */
    public int jwksFetches() { return jwks.fetches(); }

    private void checkClaims(JsonNode c) {
        if (!issuer.equals(c.path("iss").asText(null))) throw new TokenVerificationException("invalid_issuer", "iss is not " + issuer);
        JsonNode aud = c.path("aud");
        boolean audOk = aud.isTextual() ? audience.equals(aud.asText()) : false;
        if (aud.isArray()) for (JsonNode a : aud) audOk |= audience.equals(a.asText());
        if (!audOk) throw new TokenVerificationException("invalid_audience", "aud does not contain " + audience);
        Instant now = clock.instant();
        if (!c.path("exp").canConvertToLong()) throw new TokenVerificationException("missing_claim", "No exp");
        if (!now.isBefore(Instant.ofEpochSecond(c.get("exp").asLong()).plus(clockSkew))) throw new TokenVerificationException("expired", "Token expired");
        if (c.path("nbf").canConvertToLong() && now.plus(clockSkew).isBefore(Instant.ofEpochSecond(c.get("nbf").asLong()))) {
            throw new TokenVerificationException("not_yet_valid", "Token not valid yet");
        }
        if (c.path("iat").canConvertToLong() && now.plus(clockSkew).isBefore(Instant.ofEpochSecond(c.get("iat").asLong()))) {
            throw new TokenVerificationException("issued_in_future", "Token issued in the future");
        }
        for (String required : new String[]{"sub", "sid", "jti"}) {
            if (!c.hasNonNull(required)) throw new TokenVerificationException("missing_claim", "No " + required);
        }
    }

    private static JsonNode decode(String part) {
        try {
            JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (n == null || !n.isObject()) throw new IllegalArgumentException();
            return n;
        } catch (Exception e) {
            throw new TokenVerificationException("malformed", "Not a JWT");
        }
    }

    public static final class Builder {
        private String issuer;
        private String audience = "janua";
        private String jwksUri;
        private HttpClient httpClient;
        private Duration cacheTtl = Duration.ofMinutes(5);
        private Duration minRefetchInterval = Duration.ofSeconds(5);
        private Duration clockSkew = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Janua's issuer: its {@code JANUA_BASE_URL} (required). */
        public Builder issuer(String issuer) { this.issuer = issuer; return this; }
        /** Expected {@code aud}; default {@code janua} ({@code JANUA_TOKENS_AUDIENCE}). */
        public Builder audience(String audience) { this.audience = Objects.requireNonNull(audience); return this; }
        /** Default: {@code <issuer>/.well-known/jwks.json}. */
        public Builder jwksUri(String jwksUri) { this.jwksUri = jwksUri; return this; }
        public Builder httpClient(HttpClient httpClient) { this.httpClient = httpClient; return this; }
        /** How long a fetched JWKS is used before it is fetched again; default 5 minutes (what Janua's Cache-Control says). */
        public Builder cacheTtl(Duration cacheTtl) { this.cacheTtl = Objects.requireNonNull(cacheTtl); return this; }
        /** Least time between two refetches caused by unknown kids; default 5 s. */
        public Builder minRefetchInterval(Duration d) { this.minRefetchInterval = Objects.requireNonNull(d); return this; }
        /** Allowed clock difference for exp/nbf/iat; default 60 s (Janua's own). */
        public Builder clockSkew(Duration clockSkew) { this.clockSkew = Objects.requireNonNull(clockSkew); return this; }
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        public JanuaTokenVerifier build() { return new JanuaTokenVerifier(this); }
    }
}
