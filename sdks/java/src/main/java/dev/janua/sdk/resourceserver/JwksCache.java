package dev.janua.sdk.resourceserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The JWKS, cached for {@code ttl}. An unknown {@code kid} triggers a refetch — that is how a key rotation reaches
 * this service — but at most once per {@code minRefetchInterval}, so a stream of tokens with made-up kids cannot
 * turn this service into a load generator against Janua. A failed refetch keeps the keys already known.
 */
final class JwksCache {
    private final HttpClient http;
    private final URI jwksUri;
    private final Duration ttl;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Map<String, RSAPublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Instant lastAttempt = Instant.EPOCH;
    private int fetches;

    JwksCache(HttpClient http, URI jwksUri, Duration ttl, Duration minRefetchInterval, Clock clock) {
        this.http = http;
        this.jwksUri = jwksUri;
        this.ttl = ttl;
        this.minRefetchInterval = minRefetchInterval;
        this.clock = clock;
    }

    /** The key for {@code kid}, refetching the set when it is stale or does not know the kid (rate-limited). */
    RSAPublicKey key(String kid) {
        Instant now = clock.instant();
        if (now.isAfter(fetchedAt.plus(ttl))) refetch(now, true);
        RSAPublicKey k = keys.get(kid);
        if (k == null) {
            refetch(now, false);
            k = keys.get(kid);
        }
        if (k == null) throw new TokenVerificationException("unknown_kid", "No published key has kid " + kid);
        return k;
    }

    /** How many times the JWKS was fetched (for monitoring and tests). */
    synchronized int fetches() { return fetches; }

    private synchronized void refetch(Instant now, boolean stale) {
        if (!stale && now.isBefore(lastAttempt.plus(minRefetchInterval))) return;
        if (stale && !now.isAfter(fetchedAt.plus(ttl))) return; // another thread just did it
        lastAttempt = now;
        fetches++;
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) throw new IllegalStateException("JWKS answered " + r.statusCode());
            keys = parse(json.readTree(r.body()));
            fetchedAt = now;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(e);
        } catch (Exception e) {
            failed(e);
        }
    }

    private void failed(Exception e) {
        if (keys.isEmpty()) throw new TokenVerificationException("jwks_unavailable", "Cannot fetch the JWKS: " + e.getMessage());
        // keep verifying with the keys already known
    }

    private static Map<String, RSAPublicKey> parse(JsonNode set) throws Exception {
        Map<String, RSAPublicKey> out = new HashMap<>();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        for (JsonNode k : set.path("keys")) {
            if (!"RSA".equals(k.path("kty").asText()) || !k.hasNonNull("kid")) continue;
            if (k.hasNonNull("use") && !"sig".equals(k.get("use").asText())) continue;
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asText()));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(k.path("e").asText()));
            out.put(k.get("kid").asText(), (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
        return Map.copyOf(out);
    }
}
