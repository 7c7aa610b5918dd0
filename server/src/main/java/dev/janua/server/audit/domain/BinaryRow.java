package dev.janua.server.audit.domain;

/**
 * An audit record as one row of PostgreSQL's binary COPY: the column order of {@link #COLUMNS}, each
 * field a length-prefixed slice (integers big-endian, text UTF-8). The verifier reads rows this way so
 * that a million records cost no String or boxed value each.
 */
public final class BinaryRow {
    public static final String COLUMNS = "position, id, event_seq, event_id, event_type, user_id, actor_id, subject_id, "
            + "organization_id, ip_address, user_agent, request_id, details, risk_score, occurred_ms, hash";
    public static final int POSITION = 0;
    public static final int ID = 1;
    public static final int EVENT_SEQ = 2;
    public static final int EVENT_ID = 3;
    public static final int EVENT_TYPE = 4;
    public static final int USER_ID = 5;
    public static final int ACTOR_ID = 6;
    public static final int SUBJECT_ID = 7;
    public static final int ORGANIZATION_ID = 8;
    public static final int IP_ADDRESS = 9;
    public static final int USER_AGENT = 10;
    public static final int REQUEST_ID = 11;
    public static final int DETAILS = 12;
    public static final int RISK_SCORE = 13;
    public static final int OCCURRED_MS = 14;
    public static final int HASH = 15;
    public static final int FIELDS = 16;

    private BinaryRow() {}

    public static long int8(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }

    public static int int4(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    public static int int2(byte[] b, int off) {
        return (short) (((b[off] & 0xff) << 8) | (b[off + 1] & 0xff));
    }
}
