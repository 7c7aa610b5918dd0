package dev.janua.server.audit;

/**
 * The result of verifying the audit chain: how many records were checked and, when the chain is
 * broken, the first record that does not match (its position and id, and why).
 */
public record ChainVerification(boolean valid, long recordsChecked, long lastPosition, Long firstInvalidPosition,
                                String firstInvalidId, String reason, long elapsedMillis) {

    public static ChainVerification ok(long checked, long last, long elapsed) {
        return new ChainVerification(true, checked, last, null, null, null, elapsed);
    }
}
