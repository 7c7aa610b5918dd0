package dev.janua.server.oidc.app;

import dev.janua.server.oidc.persistence.JdbcAuthorizations;
import dev.janua.server.oidc.persistence.JdbcRefreshFamilies;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes authorizations whose every code and token has expired, and spent refresh-token records
 * past their expiry (nothing in them can be used any more). Small batches, so no long lock; safe
 * on every node at once (a row deleted twice is deleted once).
 */
@Component
public class AuthorizationSweeper {
    private static final Logger log = LoggerFactory.getLogger(AuthorizationSweeper.class);
    static final int BATCH = 500;
    private final JdbcAuthorizations authorizations;
    private final JdbcRefreshFamilies spent;
    private final Clock clock;

    public AuthorizationSweeper(JdbcAuthorizations authorizations, JdbcRefreshFamilies spent, Clock clock) {
        this.authorizations = authorizations;
        this.spent = spent;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${janua.oidc.authorization-sweep-interval:PT10M}", initialDelayString = "PT2M")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("OIDC authorization sweep failed: {}", e.toString());
        }
    }

    /** Returns how many rows went (authorizations plus spent-token records). */
    public int sweep() {
        Instant now = clock.instant();
        int total = 0;
        int n;
        do {
            n = authorizations.deleteExpired(now, BATCH);
            total += n;
        } while (n == BATCH);
        do {
            n = spent.deleteExpired(now, BATCH);
            total += n;
        } while (n == BATCH);
        return total;
    }
}
