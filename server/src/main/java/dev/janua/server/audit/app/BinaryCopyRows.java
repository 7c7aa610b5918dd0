package dev.janua.server.audit.app;

import dev.janua.server.audit.domain.BinaryRow;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;

/**
 * Rows of a {@code COPY (…) TO STDOUT (FORMAT binary)} stream, parsed in place: {@link #next} fills
 * each field's offset and length (-1 for NULL) into the caller's arrays, pointing into
 * {@link #buffer()}, valid until the following call. The stream is read as bytes, not as messages,
 * so a row split across messages (or the header sharing one with the first row) parses the same.
 */
final class BinaryCopyRows {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private final CopyOut copy;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;

    BinaryCopyRows(CopyOut copy) throws SQLException {
        this.copy = copy;
        need(19);
        if (!Arrays.equals(buf, 0, 11, SIGNATURE, 0, 11)) throw new SQLException("not a binary COPY stream");
        int extension = BinaryRow.int4(buf, 15);
        need(19 + extension);
        pos = 19 + extension;
    }

    byte[] buffer() {
        return buf;
    }

    /** False at the end of the data (the trailer). */
    boolean next(int[] off, int[] len) throws SQLException {
        need(2);
        int fields = BinaryRow.int2(buf, pos);
        if (fields == -1) return false;
        if (fields != off.length) throw new SQLException("expected " + off.length + " fields, got " + fields);
        int p = 2; // relative to pos: need() may move the row to the start of the buffer
        for (int i = 0; i < fields; i++) {
            need(p + 4);
            int n = BinaryRow.int4(buf, pos + p);
            p += 4;
            if (n >= 0) need(p + n);
            off[i] = p;
            len[i] = n;
            p += Math.max(n, 0);
        }
        for (int i = 0; i < fields; i++) off[i] += pos;
        pos += p;
        return true;
    }

    /**
     * Reads the stream to its end, so the connection is back in its ordinary state before it returns
     * to the pool (a cancelled or half-read COPY leaves the protocol mid-stream). Only a failing range
     * stops early, and it pays for the rest of its rows here. Not {@code CopyOut.cancelCopy()}: with
     * the driver used here it leaves CopyData of the cancelled stream on the connection, which the
     * pool then hands to the next statement ("Got CopyData without an active copy operation", seen in
     * AuditLogIntegrationTest on PostgreSQL); a cancel would have to evict the connection from the pool.
     */
    static void drain(CopyOut copy) throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // discard
        }
    }

    /** Ensures {@code n} bytes from {@code pos} are in the buffer, reading more of the stream as needed. */
    private void need(int n) throws SQLException {
        while (lim - pos < n) {
            byte[] chunk = copy.readFromCopy();
            if (chunk == null) throw new SQLException("binary COPY stream ended inside a row");
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            if (lim + chunk.length > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, lim + chunk.length));
            System.arraycopy(chunk, 0, buf, lim, chunk.length);
            lim += chunk.length;
        }
    }
}
