package dev.janua.server.platform.web;

/** The body of a bulk revocation: {@code {"success": true, "message": "…", "revokedCount": n}} (seeds 002 and 004). */
public record Revoked(boolean success, String message, int revokedCount) {
    public static Revoked of(String message, int revokedCount) {
        return new Revoked(true, message, revokedCount);
    }
}
