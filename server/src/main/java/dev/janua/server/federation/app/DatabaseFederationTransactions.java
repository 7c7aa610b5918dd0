package dev.janua.server.federation.app;

import dev.janua.server.federation.FederationException;
import dev.janua.server.federation.FederationTransactions;
import dev.janua.server.federation.Pkce;
import dev.janua.server.federation.persistence.JdbcFederationTransactions;
import dev.janua.server.federation.persistence.JdbcFederationTransactions.Row;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.ids.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link FederationTransactions} in the database (see the interface for the rules). */
@Service
public class DatabaseFederationTransactions implements FederationTransactions {
    private static final Logger log = LoggerFactory.getLogger(DatabaseFederationTransactions.class);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    /** Marks a transaction whose application checks its own state (no cookie required). */
    private static final String UNBOUND = "unbound:";
    private final JdbcFederationTransactions rows;
    private final SecretBox box;
    private final IdGenerator ids;
    private final Clock clock;
    private final JsonMapper json;

    public DatabaseFederationTransactions(JdbcFederationTransactions rows, SecretBox box, IdGenerator ids, Clock clock, JsonMapper json) {
        this.rows = rows;
        this.box = box;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public Started begin(Start s) {
        String id = ids.next("ftx");
        String state = Pkce.randomUrlSafe(32);
        String binding = Pkce.randomUrlSafe(32);
        String nonce = s.oidc() ? Pkce.randomUrlSafe(24) : null;
        String verifier = s.pkce() ? Pkce.newVerifier() : null;
        Instant now = clock.instant();
        Instant expires = now.plus(TTL);
        rows.insert(new Row(id, Hashes.sha256Hex(state), (s.browserBound() ? "" : UNBOUND) + Hashes.sha256Hex(binding), s.kind(),
                s.connectionId(), s.organizationId(), s.userId(), nonce, verifier == null ? null : box.seal(verifier, "federation:" + id),
                s.redirectUri(), s.returnTo(), s.clientState(), s.data().isEmpty() ? null : json.writeValueAsString(s.data()), now, expires,
                null));
        return new Started(id, state, nonce, verifier == null ? null : Pkce.s256(verifier), cookieName(id), binding, expires);
    }

    @Override
    public Transaction consume(String state, String connectionId, Function<String, String> cookies) {
        if (state == null || state.isBlank() || state.length() > 200) throw FederationException.state("missing");
        Row r = rows.findByState(Hashes.sha256Hex(state)).orElseThrow(() -> FederationException.state("unknown"));
        if (!r.connectionId().equals(connectionId)) throw FederationException.state("wrong_provider");
        Instant now = clock.instant();
        if (r.consumedAt() != null) throw FederationException.state("used");
        if (!r.expiresAt().isAfter(now)) throw FederationException.state("expired");
        boolean unbound = r.bindingHash().startsWith(UNBOUND);
        String expected = unbound ? r.bindingHash().substring(UNBOUND.length()) : r.bindingHash();
        String cookie = cookies.apply(cookieName(r.id()));
        if (cookie == null ? !unbound : !Hashes.constantTimeEquals(Hashes.sha256Hex(cookie), expected)) {
            throw FederationException.state("browser_mismatch");
        }
        if (!rows.consume(r.id(), now)) throw FederationException.state("used");
        String verifier = r.codeVerifierSealed() == null ? null : box.open(r.codeVerifierSealed(), "federation:" + r.id());
        return new Transaction(r.id(), r.kind(), r.connectionId(), r.organizationId(), r.userId(), r.nonce(), verifier, r.redirectUri(),
                r.returnTo(), r.clientState(), data(r.data()), r.createdAt());
    }

    @Override
    public void annotate(String state, String key, String value) {
        if (state == null || state.length() > 200 || value == null) return;
        rows.findByState(Hashes.sha256Hex(state)).filter(r -> r.consumedAt() == null).ifPresent(r -> {
            Map<String, String> d = new LinkedHashMap<>(data(r.data()));
            d.put(key, value.length() > 2000 ? value.substring(0, 2000) : value);
            rows.updateData(r.id(), json.writeValueAsString(d));
        });
    }

    /** One cookie per transaction, so two sign-ins started in two tabs do not overwrite each other's binding. */
    static String cookieName(String transactionId) {
        return "janua_fed_" + transactionId.substring(transactionId.length() - 12);
    }

    private Map<String, String> data(String raw) {
        return raw == null ? Map.of() : json.readValue(raw, MAP);
    }

    @Scheduled(fixedDelayString = "${janua.federation.sweep-interval:PT10M}", initialDelayString = "PT3M")
    void sweep() {
        try {
            Instant cutoff = clock.instant().minus(Duration.ofHours(1));
            while (rows.deleteExpired(cutoff, 500) == 500) {
                // keep going in small batches
            }
        } catch (RuntimeException e) {
            log.warn("federation transaction sweep failed: {}", e.toString());
        }
    }
}
