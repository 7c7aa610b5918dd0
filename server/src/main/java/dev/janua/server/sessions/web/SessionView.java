package dev.janua.server.sessions.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.domain.DeviceInfo;
import dev.janua.server.sessions.domain.UserAgentParser;
import java.time.Instant;

/** A session as its owner sees it in the session list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String id, String userId, DeviceInfo deviceInfo, String device, String ipAddress, String userAgent,
                          String authMethod, boolean rememberMe, boolean isCurrent, boolean isActive, Instant createdAt,
                          Instant lastActiveAt, Instant expiresAt, Instant revokedAt) {

    public static SessionView of(Session s, String currentSessionId, boolean active) {
        DeviceInfo d = UserAgentParser.parse(s.userAgent());
        return new SessionView(s.id(), s.userId(), d, d.label(), s.ipAddress(), s.userAgent(), s.authMethod(), s.rememberMe(),
                s.id().equals(currentSessionId), active, s.createdAt(), s.lastActiveAt(), s.expiresAt(), s.revokedAt());
    }
}
