package dev.janua.server.mfa.app;

import dev.janua.server.mfa.persistence.JdbcFactorRepository;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounds the authenticator and backup codes tried per user, whatever the route (each sign-in
 * challenge allows 5, but a password holder could open challenge after challenge; a stolen
 * session could call step-up checks). The slot is taken in a transaction of its own, so it stays
 * counted when the caller's transaction rolls back on a wrong code.
 */
@Component
public class CodeCheckGuard {
    private final JdbcFactorRepository factors;
    private final TransactionTemplate own;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    public CodeCheckGuard(JdbcFactorRepository factors, PlatformTransactionManager transactions, Clock clock, MfaProperties properties) {
        this.factors = factors;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.limit = properties.codeCheckLimit();
        this.window = properties.codeCheckWindow();
    }

    public void take(String userId) {
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(own.execute(t -> factors.takeCodeCheck(userId, now, window, limit)))) return;
        long retry = factors.codeCheckWindowStart(userId).map(s -> Duration.between(now, s.plus(window)).toSeconds()).orElse(60L);
        throw new JanuaException(ErrorCode.RATE_LIMITED,
                Map.of("reason", "too_many_codes", "retryAfter", Math.max(1, retry), "limit", limit));
    }

    public void succeeded(String userId) {
        factors.resetCodeChecks(userId);
    }
}
