package dev.janua.server.tokens.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.RsaSignatures;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.tokens.persistence.JdbcSigningKeyStore;
import dev.janua.server.tokens.persistence.JdbcSigningKeyStore.StoredKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys: one active key signs; retired keys stay in the JWKS until every token they
 * signed has expired (token lifetime + overlap). Keys live in the database, so every node signs
 * with the same key and publishes the same set; a node that meets an unknown {@code kid} reloads.
 */
@Component
public class SigningKeyRing implements dev.janua.server.tokens.SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(5);
    /** The invalidation key a rotation announces to every node. */
    static final String ROTATED = "signing-keys";

    private final JdbcSigningKeyStore store;
    private final SecretBox secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JWSAlgorithm algorithm;
    private final JanuaProperties.Tokens config;
    private final Invalidations invalidations;

    private final RsaSignatures rsaSignatures;
    private volatile Snapshot snapshot;
    /** Set when any node announced a rotation (or the announcement channel came back): reload on next use. */
    private volatile boolean announced;

    /**
     * An immutable view: the active signer and the public set, swapped atomically on reload.
     * {@code signingKey} is the active private JWK, for the OpenID Provider's JWT encoder (it signs
     * ID tokens with the same key, so one JWKS serves both).
     */
    public record Snapshot(String activeKid, JWSSigner signer, JWKSet publicSet, Instant activeSince, Instant loadedAt,
                           JWK signingKey) {}

    public SigningKeyRing(JdbcSigningKeyStore store, SecretBox secrets, IdGenerator ids, Clock clock,
                          TransactionTemplate tx, JanuaProperties properties, Invalidations invalidations,
                          RsaSignatures rsaSignatures) {
        this.rsaSignatures = rsaSignatures;
        this.invalidations = invalidations;
        invalidations.onInvalidate(key -> {
            if (ROTATED.equals(key) || "*".equals(key)) announced = true;
        });
        this.store = store;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
        this.config = properties.tokens();
        this.algorithm = JWSAlgorithm.parse(config.algorithm());
        if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.ES256.equals(algorithm)) {
            throw new IllegalStateException("janua.tokens.algorithm must be RS256 or ES256, got " + config.algorithm());
        }
    }

    @Override
    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public JWK activeSigningKey() {
        // reloads when stale: after a rotation on another node every node signs with the new key within seconds
        return reloadIfStale().signingKey();
    }

    /** Reloads when stale, so a key rotated on another node is seen here within seconds. */
    @Override
    public JWKSet publishedKeys() {
        return reloadIfStale().publicSet();
    }

    @Override
    public Optional<JWSSigner> activeSigner(String kid) {
        Snapshot s = reloadIfStale();
        return s.activeKid().equals(kid) ? Optional.of(s.signer()) : Optional.empty();
    }

    public Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) snapshot = loadOrCreate();
                s = snapshot;
            }
        }
        return s;
    }

    /** Called when a token names a kid we do not know: another node may have rotated. */
    public Snapshot reloadIfStale() {
        Snapshot s = current();
        if (!announced && Duration.between(s.loadedAt(), clock.instant()).compareTo(RELOAD_AT_MOST_EVERY) < 0) return s;
        synchronized (this) {
            if (snapshot != s) return snapshot; // another thread just reloaded
            announced = false;
            snapshot = loadOrCreate();
            return snapshot;
        }
    }

    /** Makes a new active key; the previous one keeps verifying for token lifetime + overlap. */
    public Snapshot rotate() {
        return rotate(kid -> {});
    }

    /**
     * Rotates, and runs {@code inSameTransaction} (given the new kid) in the transaction that stores
     * the key and retires the others: an admin rotation's audit event commits with the key or not at
     * all. The key is generated before the transaction opens and before the ring's lock is taken (RSA
     * generation is slow work: requests reloading a stale snapshot on this node would wait for it);
     * the lock is held only to install the key, so rotations on this node still take turns.
     */
    public Snapshot rotate(Consumer<String> inSameTransaction) {
        JWK jwk = generate(ids.next("key"));
        synchronized (this) {
            tx.executeWithoutResult(t -> {
                activate(jwk);
                inSameTransaction.accept(jwk.getKeyID());
                invalidations.invalidate(ROTATED);
            });
            snapshot = loadOrCreate();
            log.info("signing key rotated; active kid {}", snapshot.activeKid());
            return snapshot;
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void rotateWhenDue() {
        Snapshot s = reloadIfStale();
        if (s.activeSince().plus(config.signingKeyRotation()).isBefore(clock.instant())) rotate();
    }

    private Snapshot loadOrCreate() {
        Instant now = clock.instant();
        List<StoredKey> keys = store.published(now);
        StoredKey active = keys.stream().filter(k -> k.retiredAt() == null && k.algorithm().equals(algorithm.getName()))
                .findFirst().orElse(null);
        if (active == null) {
            JWK jwk = generate(ids.next("key"));
            tx.executeWithoutResult(t -> activate(jwk));
            keys = store.published(now);
            active = keys.stream().filter(k -> k.retiredAt() == null).findFirst().orElseThrow();
        }
        try {
            List<JWK> published = new ArrayList<>();
            for (StoredKey k : keys) published.add(JWK.parse(k.publicJwk()));
            JWK privateJwk = JWK.parse(secrets.open(active.sealedPrivateJwk(), "signing-key:" + active.kid()));
            JWSSigner signer = privateJwk instanceof RSAKey rsa ? new Rs256Signer(rsa, rsaSignatures) : new ECDSASigner((ECKey) privateJwk);
            return new Snapshot(active.kid(), signer, new JWKSet(published), active.createdAt(), now, privateJwk);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("stored signing key cannot be read", e);
        }
    }

    private JWK generate(String kid) {
        try {
            return JWSAlgorithm.ES256.equals(algorithm)
                    ? new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).generate()
                    : new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** The new key becomes the active one; the others retire (published until their tokens expire). */
    private void activate(JWK jwk) {
        Instant now = clock.instant();
        String kid = jwk.getKeyID();
        store.insert(kid, algorithm.getName(), jwk.toPublicJWK().toJSONString(), secrets.seal(jwk.toJSONString(), "signing-key:" + kid), now);
        store.retireAllExcept(kid, now, now.plus(config.accessTokenTtl()).plus(config.signingKeyOverlap()));
    }
}
