package dev.janua.server.console.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.Locale;
import java.util.Map;

/**
 * Destructive console actions are confirmed on the server, not only by the page: a ticked
 * "I understand" box ({@code confirm=yes}), or for deletions the name typed out again.
 */
final class Confirmations {
    private Confirmations() {}

    static void require(String confirm) {
        if (!"yes".equals(confirm)) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "confirm", "reason", "required"));
    }

    static void requireTyped(String expected, String typed) {
        if (typed == null || !typed.trim().toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT))) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "confirmation", "reason", "does_not_match"));
        }
    }
}
