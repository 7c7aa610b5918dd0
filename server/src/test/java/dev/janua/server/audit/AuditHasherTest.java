package dev.janua.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.audit.domain.AuditHasher;
import dev.janua.server.audit.domain.AuditHasher.Fields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The chain hash is SHA-256(previous hash ‖ canonical JSON) exactly as docs/audit-log.md describes it. */
class AuditHasherTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void hashIsSha256OfPreviousHashThenSortedCompactJsonOfTheRecord() throws Exception {
        Fields f = new Fields(7, "log_1", 42, "evt_1", "user.signin", "usr_1", "usr_1", "usr_1", null, "203.0.113.9",
                "Mozilla/5.0 \"quoted\" \\ é 😀 \u0001", "req_1", "{\"method\":\"password\",\"success\":true}", 30, 1_700_000_000_123L);
        byte[] previous = new byte[32];
        previous[0] = 1;
        // an independent rendering: Jackson writes the same record as a sorted map
        Map<String, Object> record = new TreeMap<>();
        record.put("actorId", f.actorId());
        record.put("details", JSON.readValue(f.details(), LinkedHashMap.class));
        record.put("eventId", f.eventId());
        record.put("eventSeq", f.eventSeq());
        record.put("eventType", f.eventType());
        record.put("id", f.id());
        record.put("ipAddress", f.ipAddress());
        record.put("occurredAt", f.occurredMs());
        record.put("organizationId", null);
        record.put("position", f.position());
        record.put("requestId", f.requestId());
        record.put("riskScore", f.riskScore());
        record.put("subjectId", f.subjectId());
        record.put("userAgent", f.userAgent());
        record.put("userId", f.userId());
        String canonical = JSON.writeValueAsString(record);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(previous);
        String expected = HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));

        AuditHasher hasher = new AuditHasher();
        assertThat(hasher.hashHex(previous, f)).isEqualTo(expected);
        assertThat(hasher.matches(expected)).isTrue();
        assertThat(hasher.hashHex(new byte[32], f)).isNotEqualTo(expected);
        Fields altered = new Fields(7, "log_1", 42, "evt_1", "user.signin", "usr_1", "usr_1", "usr_1", null, "203.0.113.8",
                f.userAgent(), "req_1", f.details(), 30, f.occurredMs());
        assertThat(hasher.hashHex(previous, altered)).isNotEqualTo(expected);
    }

    @Test
    void hexRoundTripsAndMalformedHashesAreRejected() {
        byte[] out = new byte[32];
        assertThat(AuditHasher.decodeHex(AuditHasher.GENESIS_HEX, out)).isTrue();
        String hex = "ab".repeat(32);
        assertThat(AuditHasher.decodeHex(hex, out)).isTrue();
        assertThat(AuditHasher.toHex(out)).isEqualTo(hex);
        assertThat(AuditHasher.decodeHex("zz".repeat(32), out)).isFalse();
        assertThat(AuditHasher.decodeHex("ab", out)).isFalse();
    }
}
