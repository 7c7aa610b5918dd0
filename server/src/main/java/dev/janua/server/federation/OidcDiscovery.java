package dev.janua.server.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * OpenID Provider discovery (OIDC Discovery 1.0 §4): fetches {@code <issuer>/.well-known/openid-configuration}
 * and keeps it for an hour. The document's {@code issuer} must equal the issuer asked for, exactly
 * (§4.3) — otherwise a document could make Janua trust tokens from another issuer. The cache is
 * per node and holds only public metadata, so nodes never need to agree on it.
 */
@Component
public class OidcDiscovery {
    static final Duration TTL = Duration.ofHours(1);
    private final FederationHttp http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OidcDiscovery(FederationHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    private record Cached(OidcProviderMetadata metadata, Instant fetchedAt) {}

    /** The metadata of {@code issuer}, from the cache when fresh. */
    public OidcProviderMetadata discover(String issuer) {
        Instant now = clock.instant();
        Cached c = cache.get(issuer);
        if (c != null && c.fetchedAt().plus(TTL).isAfter(now) && !c.fetchedAt().isAfter(now)) return c.metadata();
        OidcProviderMetadata fresh = fetch(issuer);
        cache.put(issuer, new Cached(fresh, now));
        return fresh;
    }

    /** Forgets a cached document (after its configuration changed). */
    public void evict(String issuer) {
        cache.remove(issuer);
    }

    private OidcProviderMetadata fetch(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        FederationHttp.Answer a = http.getJson(base + "/.well-known/openid-configuration", Map.of());
        if (!a.ok() || !a.body().isObject()) throw FederationException.unavailable("discovery_failed");
        JsonNode d = a.body();
        if (!issuer.equals(d.path("issuer").asString(""))) throw FederationException.unavailable("discovery_issuer_mismatch");
        String auth = d.path("authorization_endpoint").asString(null);
        String token = d.path("token_endpoint").asString(null);
        String jwks = d.path("jwks_uri").asString(null);
        if (auth == null || token == null || jwks == null) throw FederationException.unavailable("discovery_incomplete");
        return new OidcProviderMetadata(issuer, auth, token, d.path("userinfo_endpoint").asString(null), jwks,
                strings(d.path("id_token_signing_alg_values_supported")), strings(d.path("code_challenge_methods_supported")),
                strings(d.path("token_endpoint_auth_methods_supported")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) array.forEach(n -> out.add(n.asString("")));
        return out;
    }
}
