package dev.janua.server.realtime.web;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.realtime.RealtimeFeed;
import dev.janua.server.realtime.RealtimeProperties;
import dev.janua.server.realtime.app.OutboundMessage;
import dev.janua.server.realtime.app.RealtimeHub;
import dev.janua.server.realtime.app.RealtimeSocket;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.tokens.AccessTokens;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * {@link RealtimeFeed} on the hub that feeds the WebSocket: each subscription is one more socket
 * of the hub, and a heartbeat of its own re-checks what the WebSocket's heartbeat re-checks (token
 * expiry → 4002, session no longer live → 4001, organization access lost).
 */
@Component
class FeedSubscriptions implements RealtimeFeed {
    private final CallerAuthenticator authenticator;
    private final AccessTokens tokens;
    private final SessionDirectory sessions;
    private final OrganizationAccess access;
    private final RealtimeHub hub;
    private final Clock clock;
    private final Set<FeedSocket> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("janua-realtime-feed-heartbeat").factory());

    FeedSubscriptions(CallerAuthenticator authenticator, AccessTokens tokens, SessionDirectory sessions, OrganizationAccess access,
                      RealtimeHub hub, RealtimeProperties properties, Clock clock) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.sessions = sessions;
        this.access = access;
        this.hub = hub;
        this.clock = clock;
        long period = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::recheck, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutdown() {
        heartbeats.shutdownNow();
    }

    @Override
    public Viewer authenticate(String accessToken) {
        Caller caller = authenticator.authenticate(TokenRequest.of(accessToken == null ? "" : accessToken));
        if (caller.isApiKey()) throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "user_session_required"));
        return new Viewer(caller, tokens.verify(accessToken).expiresAt());
    }

    @Override
    public Subscription subscribe(Viewer viewer, String channel, String organizationId, Listener listener) {
        FeedSocket s = switch (channel) {
            case USER_EVENTS -> new FeedSocket(viewer, null, listener);
            case ORGANIZATION_EVENTS -> {
                if (organizationId == null || organizationId.isBlank()) {
                    throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "organizationId", "reason", "required"));
                }
                access.require(viewer.caller(), organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
                yield new FeedSocket(viewer, organizationId, listener);
            }
            default -> throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "channel", "reason", "unknown_channel"));
        };
        open.add(s);
        hub.register(s);
        return s::cancel;
    }

    private void recheck() {
        Instant now = clock.instant();
        for (FeedSocket s : List.copyOf(open)) {
            try {
                Viewer v = s.viewer;
                if (v.tokenExpiresAt() != null && !now.isBefore(v.tokenExpiresAt())) {
                    s.end(RealtimeSocketHandler.CLOSE_TOKEN_EXPIRED, ErrorCode.INVALID_TOKEN);
                } else if (sessions.findLive(v.caller().sessionId()).isEmpty()) {
                    s.end(RealtimeHub.CLOSE_SESSION_ENDED, ErrorCode.SESSION_EXPIRED);
                } else if (s.organization != null) {
                    access.require(v.caller(), s.organization, PermissionCatalogue.ORGANIZATION_UPDATE);
                }
            } catch (JanuaException e) {
                s.end(RealtimeSocketHandler.CLOSE_UNAUTHENTICATED, e.code());
            } catch (RuntimeException e) {
                // one bad subscription must not stop the checks of the others
            }
        }
    }

    /** One subscription as the hub sees it: a socket subscribed to one channel. */
    private final class FeedSocket implements RealtimeSocket {
        private final Viewer viewer;
        private final String organization;
        private final Listener listener;
        private final AtomicBoolean ended = new AtomicBoolean();

        FeedSocket(Viewer viewer, String organization, Listener listener) {
            this.viewer = viewer;
            this.organization = organization;
            this.listener = listener;
        }

        @Override
        public String userId() {
            return viewer.caller().userId();
        }

        @Override
        public String sessionId() {
            return viewer.caller().sessionId();
        }

        @Override
        public boolean subscribedToUserEvents() {
            return organization == null;
        }

        @Override
        public Set<String> organizations() {
            return organization == null ? Set.of() : Set.of(organization);
        }

        @Override
        public void send(OutboundMessage message) {
            if (!ended.get()) listener.event(message.json());
        }

        @Override
        public void close(int code, String reason) {
            end(code, code == RealtimeHub.CLOSE_SESSION_ENDED ? ErrorCode.SESSION_EXPIRED : ErrorCode.SERVICE_UNAVAILABLE);
        }

        void end(int code, ErrorCode error) {
            if (!ended.compareAndSet(false, true)) return;
            cancel();
            listener.ended(code, error);
        }

        void cancel() {
            ended.set(true);
            open.remove(this);
            hub.unregister(this);
        }
    }
}
