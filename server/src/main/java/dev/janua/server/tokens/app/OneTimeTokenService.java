package dev.janua.server.tokens.app;

import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.tokens.OneTimeTokens;
import dev.janua.server.tokens.persistence.JdbcOneTimeTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class OneTimeTokenService implements OneTimeTokens {
    private final JdbcOneTimeTokenStore store;
    private final RandomTokens random;
    private final Clock clock;

    OneTimeTokenService(JdbcOneTimeTokenStore store, RandomTokens random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String issue(Purpose purpose, String userId, String email, Duration ttl, String data) {
        String raw = random.next(purpose.prefix());
        Instant now = clock.instant();
        store.insert(Hashes.sha256Hex(raw), purpose.name(), userId, email, data, now, now.plus(ttl));
        return raw;
    }

    @Override
    @Transactional
    public Optional<Redeemed> redeem(Purpose purpose, String rawToken) {
        if (rawToken == null || rawToken.isBlank() || rawToken.length() > 200) return Optional.empty();
        String hash = Hashes.sha256Hex(rawToken.trim());
        if (!store.markUsed(hash, purpose.name(), clock.instant())) return Optional.empty();
        return store.find(hash).map(r -> new Redeemed(r.userId(), r.email(), r.data()));
    }

    @Override
    public Optional<Redeemed> peek(Purpose purpose, String rawToken) {
        if (rawToken == null || rawToken.isBlank() || rawToken.length() > 200) return Optional.empty();
        return store.findLive(Hashes.sha256Hex(rawToken.trim()), purpose.name(), clock.instant())
                .map(r -> new Redeemed(r.userId(), r.email(), r.data()));
    }

    @Override
    @Transactional
    public void revokeAll(Purpose purpose, String userId) {
        store.voidUnused(purpose.name(), userId, clock.instant());
    }
}
