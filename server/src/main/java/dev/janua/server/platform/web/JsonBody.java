package dev.janua.server.platform.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A response value together with its JSON, already written by the application's {@code JsonMapper}, for a handler
 * that keeps the bytes of an unchanged value instead of serialising it on every request ({@code GET /auth/me}).
 * {@link JsonBodyConverter} writes the bytes for the JSON media types; for any other type a client may negotiate
 * (Jackson's CBOR converter answers {@code application/cbor}), the value itself is serialised ({@link JsonValue}), so
 * the response is what returning the value would have given.
 */
public record JsonBody(@JsonValue Object value, byte[] bytes) {
    public JsonBody {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(bytes, "bytes");
    }
}
