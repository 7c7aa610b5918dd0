package dev.janua.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.audit.domain.AuditHasher;
import dev.janua.server.audit.domain.AuditHasher.Fields;
import dev.janua.server.audit.domain.BinaryRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
    void binaryCopyRowsHashExactlyAsTheFieldsDo() {
        byte[] previous = new byte[32];
        previous[31] = 9;
        List<Fields> records = List.of(
                new Fields(7, "log_1", 42, "evt_1", "user.signin", "usr_1", "usr_1", "usr_1", null, "203.0.113.9",
                        "Mozilla/5.0 \"quoted\" \\ é 😀 \u0001\n\u001f", "req_1", "{\"method\":\"password\",\"note\":\"ü \\\"x\\\"\"}", 30,
                        1_700_000_000_123L),
                new Fields(Long.MAX_VALUE, "log_2", 0, "evt_2", "user.deleted", null, null, null, "org_1", null, null, null, "{}", null, -5L),
                new Fields(1, "", 1, "", "", "", "", "", "", "", "", "", "", Integer.MIN_VALUE, 0));
        AuditHasher byFields = new AuditHasher();
        AuditHasher byRow = new AuditHasher();
        for (Fields f : records) {
            String expected = byFields.hashHex(previous, f);
            int[] off = new int[BinaryRow.FIELDS];
            int[] len = new int[BinaryRow.FIELDS];
            byte[] row = binaryRow(f, expected, off, len);
            byRow.hashBinaryRow(previous, row, off, len);
            assertThat(AuditHasher.toHex(byRow.lastHash())).as(f.id()).isEqualTo(expected);
            assertThat(byRow.matches(row, off[BinaryRow.HASH], len[BinaryRow.HASH])).isTrue();
            row[off[BinaryRow.EVENT_SEQ] + 7] ^= 1; // one altered byte of one field
            byRow.hashBinaryRow(previous, row, off, len);
            assertThat(byRow.matches(row, off[BinaryRow.HASH], len[BinaryRow.HASH])).as("altered " + f.id()).isFalse();
        }
    }

    /** The fields laid out as PostgreSQL's binary COPY sends them (big-endian integers, UTF-8 text). */
    private static byte[] binaryRow(Fields f, String hash, int[] off, int[] len) {
        ByteBuffer b = ByteBuffer.allocate(8192);
        Object[] values = {f.position(), f.id(), f.eventSeq(), f.eventId(), f.eventType(), f.userId(), f.actorId(), f.subjectId(),
                f.organizationId(), f.ipAddress(), f.userAgent(), f.requestId(), f.details(), f.riskScore(), f.occurredMs(), hash};
        for (int i = 0; i < values.length; i++) {
            b.putInt(0); // a length word before each field, as on the wire
            off[i] = b.position();
            switch (values[i]) {
                case null -> len[i] = -1;
                case Long l -> { b.putLong(l); len[i] = 8; }
                case Integer n -> { b.putInt(n); len[i] = 4; }
                case String s -> { byte[] u = s.getBytes(StandardCharsets.UTF_8); b.put(u); len[i] = u.length; }
                default -> throw new IllegalArgumentException();
            }
        }
        return Arrays.copyOf(b.array(), b.position());
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
