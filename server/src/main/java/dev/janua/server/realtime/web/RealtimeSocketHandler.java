package dev.janua.server.realtime.web;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.realtime.RealtimeProperties;
import dev.janua.server.realtime.app.OutboundMessage;
import dev.janua.server.realtime.app.RealtimeHub;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.tokens.AccessTokens;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-time protocol (docs/realtime.md). Client messages: {@code auth} (token), {@code subscribe}
 * / {@code unsubscribe} ({@code user.events}; {@code organization.events} with an
 * {@code organizationId}, for members holding {@code organization:update}), {@code ping}. Server
 * messages: {@code authenticated}, {@code subscribed}, {@code unsubscribed}, {@code event},
 * {@code heartbeat}, {@code pong}, {@code error} (with Janua's code). Close codes: 4001 session
 * ended, 4002 token expired, 4401 not authenticated in time or bad credentials, 4008 too slow.
 */
@Component
public class RealtimeSocketHandler extends TextWebSocketHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RealtimeSocketHandler.class);
    static final int CLOSE_TOKEN_EXPIRED = 4002;
    static final int CLOSE_UNAUTHENTICATED = 4401;
    private final CallerAuthenticator authenticator;
    private final AccessTokens tokens;
    private final SessionDirectory sessions;
    private final OrganizationAccess access;
    private final RealtimeHub hub;
    private final RealtimeProperties properties;
    private final SendBudget sendBudget;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, RealtimeConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("janua-realtime-heartbeat").factory());

    public RealtimeSocketHandler(CallerAuthenticator authenticator, AccessTokens tokens, SessionDirectory sessions,
                                 OrganizationAccess access, RealtimeHub hub, RealtimeProperties properties,
                                 SendBudget sendBudget, MessageSource messages, JsonMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.sessions = sessions;
        this.access = access;
        this.hub = hub;
        this.properties = properties;
        this.sendBudget = sendBudget;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        long period = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutdown() {
        heartbeats.shutdownNow();
    }

    /**
     * Nothing may escape to Spring's exception decorator: it logs the session, whose URI carries a
     * {@code ?token=}. Failures close the socket here instead, without the URI.
     */
    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        try {
            open(session);
        } catch (RuntimeException e) {
            log.warn("realtime socket {} failed on open: {}", session.getId(), e.toString());
            close(session);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        try {
            receive(session, message);
        } catch (RuntimeException e) {
            log.warn("realtime socket {} failed on a message: {}", session.getId(), e.toString());
            close(session);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        close(session);
    }

    private static void close(WebSocketSession session) {
        try {
            session.close(CloseStatus.SERVER_ERROR);
        } catch (java.io.IOException | RuntimeException ignored) {
            // already gone
        }
    }

    private void open(WebSocketSession session) {
        SocketWriter writer = new SocketWriter(session, sendBudget, properties.sendBufferBytes(),
                properties.sendTimeLimit().toMillis(), SocketWriter.BEHIND_MILLIS);
        RealtimeConnection c = new RealtimeConnection(session, writer, Instant.now());
        connections.put(session.getId(), c);
        Object token = session.getAttributes().remove(RealtimeHandshake.TOKEN);
        if (token instanceof String t) authenticate(c, t, true);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        RealtimeConnection c = connections.remove(session.getId());
        if (c == null) return;
        hub.unregister(c);
        c.closed();
    }

    private void receive(WebSocketSession session, TextMessage message) {
        RealtimeConnection c = connections.get(session.getId());
        if (c == null) return;
        JsonNode m;
        try {
            m = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            error(c, ErrorCode.INVALID_REQUEST, Map.of("reason", "malformed_json"));
            return;
        }
        String type = m.path("type").asString("");
        switch (type) {
            case "auth" -> authenticate(c, m.path("token").asString(""), false);
            case "ping" -> reply(c, Map.of("type", "pong", "timestamp", clock.instant().toString()));
            case "subscribe", "unsubscribe" -> {
                if (c.caller() == null) {
                    error(c, ErrorCode.UNAUTHORIZED, Map.of("reason", "send an auth message first"));
                    return;
                }
                try {
                    subscription(c, type.equals("subscribe"), m);
                } catch (JanuaException e) {
                    error(c, e.code(), Map.of("channel", m.path("channel").asString(""), "details", e.details()));
                }
            }
            default -> error(c, ErrorCode.INVALID_REQUEST, Map.of("reason", "unknown_type", "type", type));
        }
    }

    private void authenticate(RealtimeConnection c, String token, boolean atHandshake) {
        if (c.caller() != null) {
            error(c, ErrorCode.INVALID_REQUEST, Map.of("reason", "already_authenticated"));
            return;
        }
        try {
            Caller caller = authenticator.authenticate(TokenRequest.of(token));
            if (caller.isApiKey()) throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "user_session_required"));
            c.authenticated(caller, tokens.verify(token).expiresAt());
            hub.register(c);
            reply(c, Map.of("type", "authenticated", "userId", caller.userId(), "sessionId", caller.sessionId()));
        } catch (JanuaException e) {
            error(c, e.code(), e.details());
            c.close(CLOSE_UNAUTHENTICATED, e.code().name());
        }
    }

    private void subscription(RealtimeConnection c, boolean on, JsonNode m) {
        String channel = m.path("channel").asString("");
        switch (channel) {
            case "user.events" -> {
                String asked = m.path("userId").asString(null);
                if (asked != null && !asked.equals(c.userId())) {
                    throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "own_events_only"));
                }
                c.userEvents(on);
                reply(c, Map.of("type", on ? "subscribed" : "unsubscribed", "channel", channel));
            }
            case "organization.events" -> {
                String org = m.path("organizationId").asString(null);
                if (org == null || org.isBlank()) {
                    throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "organizationId", "reason", "required"));
                }
                if (on) {
                    access.require(c.caller(), org, PermissionCatalogue.ORGANIZATION_UPDATE);
                    c.organizations().add(org);
                } else {
                    c.organizations().remove(org);
                }
                reply(c, Map.of("type", on ? "subscribed" : "unsubscribed", "channel", channel, "organizationId", org));
            }
            default -> throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "channel", "reason", "unknown_channel"));
        }
    }

    /**
     * Keeps idle proxies from dropping the socket, and re-checks what could have changed without an
     * event reaching this node: the session's liveness, the token's expiry, organization access.
     */
    private void heartbeat() {
        Instant now = clock.instant();
        Instant wallNow = Instant.now();
        OutboundMessage beat = OutboundMessage.of(json.writeValueAsString(Map.of("type", "heartbeat", "timestamp", now.toString())));
        for (RealtimeConnection c : List.copyOf(connections.values())) {
            try {
                if (c.caller() == null) {
                    if (wallNow.isAfter(c.openedAt().plus(properties.authTimeout()))) c.close(CLOSE_UNAUTHENTICATED, "authentication timeout");
                    continue;
                }
                if (c.tokenExpiresAt() != null && !now.isBefore(c.tokenExpiresAt())) {
                    c.close(CLOSE_TOKEN_EXPIRED, "token expired");
                    continue;
                }
                if (sessions.findLive(c.sessionId()).isEmpty()) {
                    c.close(RealtimeHub.CLOSE_SESSION_ENDED, "session ended");
                    continue;
                }
                c.organizations().removeIf(org -> !stillAdmin(c, org));
                c.send(beat);
            } catch (RuntimeException e) {
                // one bad connection must not stop the heartbeat of the others
            }
        }
    }

    private boolean stillAdmin(RealtimeConnection c, String org) {
        try {
            access.require(c.caller(), org, PermissionCatalogue.ORGANIZATION_UPDATE);
            return true;
        } catch (JanuaException e) {
            return false;
        }
    }

    private void reply(RealtimeConnection c, Map<String, Object> body) {
        c.send(OutboundMessage.of(json.writeValueAsString(body)));
    }

    private void error(RealtimeConnection c, ErrorCode code, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("code", code.name());
        body.put("message", messages.getMessage(code.messageKey(), null, code.name(), java.util.Locale.ENGLISH));
        if (details != null && !details.isEmpty()) body.put("details", details);
        reply(c, body);
    }
}
