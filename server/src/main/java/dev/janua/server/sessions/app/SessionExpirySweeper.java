package dev.janua.server.sessions.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a minute, turns timed-out sessions into {@code session.expired} events (safe on every node at once). */
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
}
