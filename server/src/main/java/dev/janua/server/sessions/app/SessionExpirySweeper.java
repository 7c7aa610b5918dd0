package dev.janua.server.sessions.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a minute, turns timed-out sessions into {@code session.expired} events (safe on every node at once);
 * every few seconds, wipes the sealed successors of closed refresh grace windows.
 */
@Component
class SessionExpirySweeper {
    private static final Logger log = LoggerFactory.getLogger(SessionExpirySweeper.class);
    private final SessionService sessions;

    SessionExpirySweeper(SessionService sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${janua.sessions.expiry-sweep-interval:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        try {
            int n;
            do {
                n = sessions.expireStale(500);
            } while (n == 500);
        } catch (RuntimeException e) {
            log.warn("session expiry sweep failed: {}", e.toString());
        }
    }

    /** Sealed successors are kept only for the refresh-reuse grace window (seconds): wipe closed ones often. */
    @Scheduled(fixedDelayString = "${janua.sessions.grace-sweep-interval:PT5S}", initialDelayString = "PT5S")
    void wipeClosedGraceWindows() {
        try {
            sessions.wipeClosedGraceWindows();
        } catch (RuntimeException e) {
            log.warn("refresh grace sweep failed: {}", e.toString());
        }
    }
}
