package dev.janua.server.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One audit record as the API shows it: who ({@code userId}, {@code actorId}), what
 * ({@code eventType}, {@code details}), when, from where (IP, user agent, request id), for which
 * organization, its risk score where known, its chain hash and whether that hash checks out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditEntry(String id, long position, String eventId, String eventType, Instant timestamp, String userId,
                         String actorId, String subjectId, String organizationId, String ipAddress, String userAgent,
                         String requestId, Map<String, Object> details, Risk risk, String hashChain, String previousHash,
                         boolean verified) {

    public record Risk(int score) {}
}
