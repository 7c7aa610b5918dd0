package dev.janua.server.audit.domain;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The audit chain's hash (SECURITY.md, "Audit log"): {@code hash = SHA-256(previous hash ‖
 * canonical JSON of the record)}, where the previous hash is the 32 raw bytes of the previous
 * record's hash (32 zero bytes before the first record) and the canonical JSON is the record's
 * fields with keys in alphabetical order, no whitespace, {@code details} as stored (already
 * canonical: keys sorted, compact) and {@code occurredAt} as epoch milliseconds.
 *
 * <p>Built for verification speed: one instance per thread reuses its buffer and digest, writes
 * JSON straight into bytes and compares against the stored hex without allocating.
 * Not thread-safe.
 */
public final class AuditHasher {
    public static final String GENESIS_HEX = "0".repeat(64);
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final MessageDigest sha;
    private final byte[] digest = new byte[32];
    private byte[] buf = new byte[2048];
    private int len;

    public AuditHasher() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields that are hashed, in one place for the appender, the verifier and the query view. */
    public record Fields(long position, String id, long eventSeq, String eventId, String eventType, String userId,
                         String actorId, String subjectId, String organizationId, String ipAddress, String userAgent,
                         String requestId, String details, Integer riskScore, long occurredMs) {}

    public String hashHex(byte[] previous, Fields f) {
        hash(previous, f.position(), f.id(), f.eventSeq(), f.eventId(), f.eventType(), f.userId(), f.actorId(),
                f.subjectId(), f.organizationId(), f.ipAddress(), f.userAgent(), f.requestId(), f.details(),
                f.riskScore() != null, f.riskScore() == null ? 0 : f.riskScore(), f.occurredMs());
        return toHex(digest);
    }

    /** Computes the hash into an internal buffer; read it with {@link #matches(String)} or {@link #lastHash()}. */
    public void hash(byte[] previous, long position, String id, long eventSeq, String eventId, String eventType,
                     String userId, String actorId, String subjectId, String organizationId, String ipAddress,
                     String userAgent, String requestId, String details, boolean hasRisk, int riskScore, long occurredMs) {
        len = 0;
        raw("{\"actorId\":"); str(actorId);
        raw(",\"details\":"); if (details == null) raw("null"); else utf8(details, false);
        raw(",\"eventId\":"); str(eventId);
        raw(",\"eventSeq\":"); num(eventSeq);
        raw(",\"eventType\":"); str(eventType);
        raw(",\"id\":"); str(id);
        raw(",\"ipAddress\":"); str(ipAddress);
        raw(",\"occurredAt\":"); num(occurredMs);
        raw(",\"organizationId\":"); str(organizationId);
        raw(",\"position\":"); num(position);
        raw(",\"requestId\":"); str(requestId);
        raw(",\"riskScore\":"); if (hasRisk) num(riskScore); else raw("null");
        raw(",\"subjectId\":"); str(subjectId);
        raw(",\"userAgent\":"); str(userAgent);
        raw(",\"userId\":"); str(userId);
        put('}');
        digest(previous);
    }

    /**
     * The same hash from a row as PostgreSQL's binary COPY sends it: every field a slice of {@code row}
     * ({@code off[i]}, {@code len[i]}, length -1 for NULL), text as UTF-8 bytes, integers big-endian,
     * in {@link BinaryRow}'s column order. No String is made: text is JSON-escaped straight from its
     * UTF-8 bytes, which gives the bytes {@link #hash} writes for the same text (only {@code "},
     * {@code \} and bytes below 0x20 are escaped; multi-byte sequences pass through unchanged).
     */
    public void hashBinaryRow(byte[] previous, byte[] row, int[] off, int[] len) {
        canonicalBinaryRow(row, off, len);
        digest(previous);
    }

    /** The canonical JSON of a binary COPY row, kept (see {@link #canonical()}) but not hashed. */
    public void canonicalBinaryRow(byte[] row, int[] off, int[] len) {
        this.len = 0;
        raw("{\"actorId\":"); str(row, off[BinaryRow.ACTOR_ID], len[BinaryRow.ACTOR_ID]);
        raw(",\"details\":"); if (len[BinaryRow.DETAILS] < 0) raw("null"); else bytes(row, off[BinaryRow.DETAILS], len[BinaryRow.DETAILS]);
        raw(",\"eventId\":"); str(row, off[BinaryRow.EVENT_ID], len[BinaryRow.EVENT_ID]);
        raw(",\"eventSeq\":"); num(BinaryRow.int8(row, off[BinaryRow.EVENT_SEQ]));
        raw(",\"eventType\":"); str(row, off[BinaryRow.EVENT_TYPE], len[BinaryRow.EVENT_TYPE]);
        raw(",\"id\":"); str(row, off[BinaryRow.ID], len[BinaryRow.ID]);
        raw(",\"ipAddress\":"); str(row, off[BinaryRow.IP_ADDRESS], len[BinaryRow.IP_ADDRESS]);
        raw(",\"occurredAt\":"); num(BinaryRow.int8(row, off[BinaryRow.OCCURRED_MS]));
        raw(",\"organizationId\":"); str(row, off[BinaryRow.ORGANIZATION_ID], len[BinaryRow.ORGANIZATION_ID]);
        raw(",\"position\":"); num(BinaryRow.int8(row, off[BinaryRow.POSITION]));
        raw(",\"requestId\":"); str(row, off[BinaryRow.REQUEST_ID], len[BinaryRow.REQUEST_ID]);
        raw(",\"riskScore\":"); if (len[BinaryRow.RISK_SCORE] < 0) raw("null"); else num(BinaryRow.int4(row, off[BinaryRow.RISK_SCORE]));
        raw(",\"subjectId\":"); str(row, off[BinaryRow.SUBJECT_ID], len[BinaryRow.SUBJECT_ID]);
        raw(",\"userAgent\":"); str(row, off[BinaryRow.USER_AGENT], len[BinaryRow.USER_AGENT]);
        raw(",\"userId\":"); str(row, off[BinaryRow.USER_ID], len[BinaryRow.USER_ID]);
        put('}');
    }

    /** A copy of the canonical JSON last written, to hash later once its previous hash is known. */
    public byte[] canonical() {
        return java.util.Arrays.copyOf(buf, len);
    }

    /** Whether {@code SHA-256(previous ‖ canonical)} equals the lower-case hex {@code storedHex}. */
    public boolean chains(byte[] previous, byte[] canonical, byte[] storedHex) {
        len = 0;
        ensure(canonical.length);
        System.arraycopy(canonical, 0, buf, 0, canonical.length);
        len = canonical.length;
        digest(previous);
        return matches(storedHex, 0, storedHex.length);
    }

    /** Whether the last computed hash equals the lower-case hex in {@code ascii[off..off+len)}. */
    public boolean matches(byte[] ascii, int off, int len) {
        if (len != 64) return false;
        for (int i = 0; i < 32; i++) {
            int b = digest[i] & 0xff;
            if (ascii[off + 2 * i] != HEX[b >>> 4] || ascii[off + 2 * i + 1] != HEX[b & 15]) return false;
        }
        return true;
    }

    /** Decodes a stored hash held as ASCII bytes into {@code out}; false when it is not 64 hex characters. */
    public static boolean decodeHex(byte[] ascii, int off, int len, byte[] out) {
        if (len != 64) return false;
        for (int i = 0; i < 32; i++) {
            int hi = Character.digit(ascii[off + 2 * i], 16);
            int lo = Character.digit(ascii[off + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) return false;
            out[i] = (byte) ((hi << 4) | lo);
        }
        return true;
    }

    private void digest(byte[] previous) {
        sha.update(previous, 0, 32);
        sha.update(buf, 0, len);
        try {
            sha.digest(digest, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    private void str(byte[] utf8, int off, int n) {
        if (n < 0) {
            raw("null");
            return;
        }
        ensure(n * 6 + 2);
        buf[len++] = '"';
        int plain = off; // start of the bytes not yet copied: runs without escapes go in one arraycopy
        for (int i = off, end = off + n; i < end; i++) {
            int c = utf8[i] & 0xff;
            if (c != '"' && c != '\\' && c >= 0x20) continue;
            System.arraycopy(utf8, plain, buf, len, i - plain);
            len += i - plain;
            plain = i + 1;
            buf[len++] = '\\';
            if (c < 0x20) {
                buf[len++] = 'u';
                buf[len++] = '0';
                buf[len++] = '0';
                buf[len++] = HEX[c >>> 4];
                buf[len++] = HEX[c & 15];
            } else {
                buf[len++] = (byte) c;
            }
        }
        System.arraycopy(utf8, plain, buf, len, off + n - plain);
        len += off + n - plain;
        buf[len++] = '"';
    }

    private void bytes(byte[] src, int off, int n) {
        ensure(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
    }

    public byte[] lastHash() {
        return digest;
    }

    /** Whether the last computed hash equals {@code hex} (lower-case hex of 32 bytes). */
    public boolean matches(String hex) {
        if (hex == null || hex.length() != 64) return false;
        for (int i = 0; i < 32; i++) {
            int b = digest[i] & 0xff;
            if (hex.charAt(2 * i) != HEX[b >>> 4] || hex.charAt(2 * i + 1) != HEX[b & 15]) return false;
        }
        return true;
    }

    /** Decodes a stored hash into {@code out}; false when it is not 64 hex characters. */
    public static boolean decodeHex(String hex, byte[] out) {
        if (hex == null || hex.length() != 64) return false;
        for (int i = 0; i < 32; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) return false;
            out[i] = (byte) ((hi << 4) | lo);
        }
        return true;
    }

    public static String toHex(byte[] b) {
        byte[] out = new byte[64];
        for (int i = 0; i < 32; i++) {
            out[2 * i] = HEX[(b[i] & 0xff) >>> 4];
            out[2 * i + 1] = HEX[b[i] & 15];
        }
        return new String(out, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }

    private void put(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    private void raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[len++] = (byte) ascii.charAt(i);
    }

    /** Decimal digits of {@code v}, as {@link Long#toString} writes them, without making a String. */
    private void num(long v) {
        ensure(20);
        if (v == Long.MIN_VALUE) {
            raw(Long.toString(v));
            return;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void str(String s) {
        if (s == null) {
            raw("null");
            return;
        }
        put('"');
        utf8(s, true);
        put('"');
    }

    /** UTF-8 encodes {@code s}; with {@code escape}, as the inside of a JSON string. */
    private void utf8(String s, boolean escape) {
        int n = s.length();
        ensure(n * 6);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (escape && (c == '"' || c == '\\')) {
                    buf[len++] = '\\';
                    buf[len++] = (byte) c;
                } else if (escape && c < 0x20) {
                    buf[len++] = '\\';
                    buf[len++] = 'u';
                    buf[len++] = '0';
                    buf[len++] = '0';
                    buf[len++] = HEX[c >>> 4];
                    buf[len++] = HEX[c & 15];
                } else {
                    buf[len++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xc0 | (c >>> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xf0 | (cp >>> 18));
                buf[len++] = (byte) (0x80 | ((cp >>> 12) & 0x3f));
                buf[len++] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                buf[len++] = (byte) (0xe0 | (c >>> 12));
                buf[len++] = (byte) (0x80 | ((c >>> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            }
        }
    }
}
