package dev.janua.server.platform.pagination;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Opaque cursors: base64url of the last row's sort key, so clients cannot depend on the layout. */
public final class Cursors {
    private Cursors() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (key.isEmpty() || key.length() > 200) throw new IllegalArgumentException();
            return key;
        } catch (IllegalArgumentException e) {
            throw new JanuaException(ErrorCode.INVALID_REQUEST, Map.of("parameter", "cursor", "reason", "malformed"));
        }
    }
}
