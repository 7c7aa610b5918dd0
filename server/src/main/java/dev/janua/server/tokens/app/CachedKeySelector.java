package dev.janua.server.tokens.app;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nimbus's own key selection, remembered per {@code kid}: its selector turns the matching JWK into a
 * Java public key on every call (a {@code KeyFactory} round per request in the profile); the answer for
 * one key set and one {@code kid} never changes, so it is worked out once. Headers that carry an X.509
 * thumbprint narrow the match further and go to the selector itself, so what is selected is exactly what
 * Nimbus would select.
 */
final class CachedKeySelector implements JWSKeySelector<SecurityContext> {
    private final JWSVerificationKeySelector<SecurityContext> nimbus;
    private final ConcurrentHashMap<Optional<String>, List<? extends Key>> byKid = new ConcurrentHashMap<>();

    CachedKeySelector(JWSAlgorithm algorithm, JWKSet keys) {
        this.nimbus = new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(keys));
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (!nimbus.isAllowed(header.getAlgorithm())) return List.of();
        if (header.getX509CertThumbprint() != null || header.getX509CertSHA256Thumbprint() != null) {
            return nimbus.selectJWSKeys(header, context);
        }
        Optional<String> kid = Optional.ofNullable(header.getKeyID());
        List<? extends Key> known = byKid.get(kid);
        if (known != null) return known;
        List<? extends Key> selected = List.copyOf(nimbus.selectJWSKeys(header, context));
        // only kids of this set are remembered, so a flood of made-up kids cannot grow the map
        if (!selected.isEmpty()) byKid.put(kid, selected);
        return selected;
    }
}
