package dev.janua.server.platform.web;

/** The body of a change that returns no resource: {@code {"success": true, "message": "…"}}. */
public record Ack(boolean success, String message) {
    public static Ack of(String message) {
        return new Ack(true, message);
    }
}
