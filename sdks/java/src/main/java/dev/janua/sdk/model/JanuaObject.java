package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A resource as the server sent it. Typed getters read the fields the SDK knows; {@link #raw()} keeps the whole
 * JSON object, so a field the server adds later is reachable before the SDK names it. Unknown fields never
 * fail parsing and missing ones read as null (sdks/README.md §2).
 */
public abstract class JanuaObject {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode raw;

    protected JanuaObject(JsonNode raw) {
        this.raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** The JSON object the server sent. */
    public JsonNode raw() { return raw; }

    /** Any field by its server name (camelCase), as a plain Java value (String, Number, Boolean, Map, List) or null. */
    public Object get(String field) {
        JsonNode n = raw.get(field);
        return n == null || n.isNull() ? null : MAPPER.convertValue(n, Object.class);
    }

    protected final String text(String f) {
        JsonNode n = raw.get(f);
        return n == null || n.isNull() ? null : n.asText();
    }

    protected final Boolean bool(String f) {
        JsonNode n = raw.get(f);
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    protected final boolean flag(String f) {
        return Boolean.TRUE.equals(bool(f));
    }

    protected final Integer integer(String f) {
        JsonNode n = raw.get(f);
        return n == null || n.isNull() ? null : n.asInt();
    }

    protected final Long number(String f) {
        JsonNode n = raw.get(f);
        return n == null || n.isNull() ? null : n.asLong();
    }

    protected final Instant instant(String f) {
        String s = text(f);
        return s == null ? null : Instant.parse(s);
    }

    protected final List<String> strings(String f) {
        return list(f, JsonNode::asText);
    }

    protected final <T> List<T> list(String f, Function<JsonNode, T> each) {
        JsonNode n = raw.get(f);
        if (n == null || !n.isArray()) return List.of();
        List<T> out = new ArrayList<>(n.size());
        n.forEach(e -> out.add(each.apply(e)));
        return Collections.unmodifiableList(out);
    }

    @SuppressWarnings("unchecked")
    protected final Map<String, Object> map(String f) {
        JsonNode n = raw.get(f);
        return n == null || !n.isObject() ? Map.of() : MAPPER.convertValue(n, Map.class);
    }

    @SuppressWarnings("unchecked")
    protected final List<Map<String, Object>> maps(String f) {
        return list(f, n -> (Map<String, Object>) MAPPER.convertValue(n, Map.class));
    }

    protected final JsonNode node(String f) {
        JsonNode n = raw.get(f);
        return n == null || n.isNull() ? null : n;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + raw;
    }
}
