package dev.janua.server.audit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.audit.domain.AuditHasher;
import dev.janua.server.audit.domain.AuditHasher.Fields;
import dev.janua.server.audit.domain.BinaryRow;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyOut;

/**
 * Rows parsed from a binary COPY stream hash exactly as the fields do, however the stream was split into
 * messages (here 7-byte pieces, so rows straddle them and the reader's buffer moves under a row): NULLs,
 * non-ASCII text, control characters, extreme integers.
 */
class BinaryCopyRowsTest {
    private static final byte[] PREVIOUS = new byte[32];

    private static final List<Fields> RECORDS = List.of(
            new Fields(7, "log_1", 42, "evt_1", "user.signin", "usr_1", "usr_1", "usr_1", null, "203.0.113.9",
                    "Mozilla/5.0 \"quoted\" \\ é 😀 \u0001\n\u001f", "req_1", "{\"method\":\"password\",\"note\":\"ü \\\"x\\\"\"}", 30,
                    1_700_000_000_123L),
            new Fields(Long.MAX_VALUE, "log_2", 0, "evt_2", "user.deleted", null, null, null, "org_1", null, null, null, "{}", null, -5L),
            new Fields(1, "", 1, "", "", "", "", "", "", "", "", "", "", Integer.MIN_VALUE, 0),
            new Fields(8, "log_3", -8, "evt_3", "user.updated", "usr_ß", null, "usr_日本", null, "::1", "x".repeat(3000), "req_3",
                    "{\"a\":[1,2,{\"b\":null}]}", 0, Long.MIN_VALUE));

    @Test
    void rowsOfAStreamSplitAnywhereParseAndHashAsTheFieldsDo() throws Exception {
        AuditHasher byFields = new AuditHasher();
        List<String> expected = new ArrayList<>();
        for (Fields f : RECORDS) expected.add(byFields.hashHex(PREVIOUS, f));

        BinaryCopyRows stream = new BinaryCopyRows(new PiecesCopyOut(copyStream(expected), 7));
        int[] off = new int[BinaryRow.FIELDS];
        int[] len = new int[BinaryRow.FIELDS];
        AuditHasher byRow = new AuditHasher();
        for (String hash : expected) {
            assertThat(stream.next(off, len)).isTrue();
            byRow.hashBinaryRow(PREVIOUS, stream.buffer(), off, len);
            assertThat(AuditHasher.toHex(byRow.lastHash())).isEqualTo(hash);
            assertThat(byRow.matches(stream.buffer(), off[BinaryRow.HASH], len[BinaryRow.HASH])).isTrue();
            stream.buffer()[off[BinaryRow.OCCURRED_MS] + 7] ^= 1; // one altered byte: the same row no longer matches
            byRow.hashBinaryRow(PREVIOUS, stream.buffer(), off, len);
            assertThat(byRow.matches(stream.buffer(), off[BinaryRow.HASH], len[BinaryRow.HASH])).isFalse();
        }
        assertThat(stream.next(off, len)).as("trailer").isFalse();
    }

    /** Header, the records as PostgreSQL's binary COPY sends them (NULL as length -1), trailer. */
    private static byte[] copyStream(List<String> hashes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
        for (int r = 0; r < RECORDS.size(); r++) {
            Fields f = RECORDS.get(r);
            Object[] values = {f.position(), f.id(), f.eventSeq(), f.eventId(), f.eventType(), f.userId(), f.actorId(), f.subjectId(),
                    f.organizationId(), f.ipAddress(), f.userAgent(), f.requestId(), f.details(), f.riskScore(), f.occurredMs(), hashes.get(r)};
            out.writeShort(values.length);
            for (Object v : values) {
                switch (v) {
                    case null -> out.writeInt(-1);
                    case Long l -> { out.writeInt(8); out.writeLong(l); }
                    case Integer n -> { out.writeInt(4); out.writeInt(n); }
                    case String s -> { byte[] u = s.getBytes(StandardCharsets.UTF_8); out.writeInt(u.length); out.write(u); }
                    default -> throw new IllegalArgumentException();
                }
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    /** A COPY stream handed out in pieces of {@code size} bytes, whatever the row boundaries. */
    private static final class PiecesCopyOut implements CopyOut {
        private final byte[] data;
        private final int size;
        private int at;

        PiecesCopyOut(byte[] data, int size) {
            this.data = data;
            this.size = size;
        }

        @Override public byte[] readFromCopy() {
            if (at >= data.length) return null;
            byte[] piece = Arrays.copyOfRange(data, at, Math.min(data.length, at + size));
            at += piece.length;
            return piece;
        }
        @Override public byte[] readFromCopy(boolean block) { return readFromCopy(); }
        @Override public int getFieldCount() { return BinaryRow.FIELDS; }
        @Override public int getFormat() { return 1; }
        @Override public int getFieldFormat(int field) { return 1; }
        @Override public boolean isActive() { return at < data.length; }
        @Override public void cancelCopy() {}
        @Override public long getHandledRowCount() { return 0; }
    }
}
