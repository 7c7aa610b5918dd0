package dev.janua.server.platform.web;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link JsonBody}'s bytes. Registered before Jackson's converters, it answers to the media types Jackson's
 * JSON converter answers to ({@code application/json}, {@code application/*+json}) and, like it, adds no charset; the
 * other converters still offer their types for the value. So {@code Accept} negotiates and the response is labelled
 * exactly as if the handler had returned the value itself (406 {@code NOT_ACCEPTABLE} where it was).
 */
final class JsonBodyConverter extends AbstractHttpMessageConverter<JsonBody> {
    JsonBodyConverter() {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return clazz == JsonBody.class;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false; // a response type only
    }

    @Override
    protected JsonBody readInternal(Class<? extends JsonBody> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("JsonBody is written only", input);
    }

    @Override
    protected Long getContentLength(JsonBody body, MediaType contentType) {
        return (long) body.bytes().length;
    }

    @Override
    protected void writeInternal(JsonBody body, HttpOutputMessage output) throws IOException {
        output.getBody().write(body.bytes());
    }
}
