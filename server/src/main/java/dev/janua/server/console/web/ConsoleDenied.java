package dev.janua.server.console.web;

/** The signed-in person may not use the console (or not without a second factor): a 403 page saying why. */
final class ConsoleDenied extends RuntimeException {
    private final String reason;

    ConsoleDenied(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
