package dev.janua.server.federation;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Providers' signing keys (RFC 7517 JWK Sets) by {@code jwks_uri}, kept 10 minutes. A token signed
 * with a key id the cached set does not hold triggers one refetch (providers rotate keys), at most
 * once every 30 seconds per URI so a flood of made-up key ids cannot turn Janua into a load
 * generator against the provider.
 */
@Component
public class JwksCache {
    static final Duration TTL = Duration.ofMinutes(10);
    static final Duration MIN_REFETCH = Duration.ofSeconds(30);
    private final FederationHttp http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public JwksCache(FederationHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    private record Cached(JWKSet keys, Instant fetchedAt) {}

    /** The key with id {@code kid} (or the only key, when the token names none and the set has one). */
    public Optional<JWK> key(String jwksUri, String kid) {
        Instant now = clock.instant();
        Cached c = cache.get(jwksUri);
        if (c == null || c.fetchedAt().plus(TTL).isBefore(now) || c.fetchedAt().isAfter(now)) c = refresh(jwksUri, now);
        Optional<JWK> found = find(c.keys(), kid);
        if (found.isEmpty() && c.fetchedAt().plus(MIN_REFETCH).isBefore(now)) found = find(refresh(jwksUri, now).keys(), kid);
        return found;
    }

    private Cached refresh(String jwksUri, Instant now) {
        FederationHttp.Answer a = http.getJson(jwksUri, Map.of());
        if (!a.ok()) throw FederationException.unavailable("jwks_unavailable");
        try {
            Cached fresh = new Cached(JWKSet.parse(a.body().toString()), now);
            cache.put(jwksUri, fresh);
            return fresh;
        } catch (ParseException e) {
            throw FederationException.unavailable("jwks_invalid");
        }
    }

    private static Optional<JWK> find(JWKSet set, String kid) {
        if (kid == null) return set.getKeys().size() == 1 ? Optional.of(set.getKeys().getFirst()) : Optional.empty();
        return Optional.ofNullable(set.getKeyByKeyId(kid));
    }
}
