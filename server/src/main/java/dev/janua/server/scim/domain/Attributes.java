package dev.janua.server.scim.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reading attributes as RFC 7643 §2.1 wants: names are case-insensitive, and the values real
 * clients send are coerced where they are unambiguous (Entra ID sends {@code active} as the string
 * {@code "False"}).
 */
public final class Attributes {
    private Attributes() {}

    /** The attribute named {@code name} in any letter case, or null. */
    public static JsonNode get(JsonNode node, String name) {
        if (node == null || !node.isObject()) return null;
        JsonNode exact = node.get(name);
        if (exact != null) return exact;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    public static String text(JsonNode node, String name, int maxLength) {
        JsonNode v = get(node, name);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, name + " must be a string");
        String s = v.asText().trim();
        if (s.isEmpty()) return null;
        if (s.length() > maxLength) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, name + " is longer than " + maxLength);
        return s;
    }

    /** A boolean, also from the strings {@code "true"}/{@code "false"} in any case; null when absent. */
    public static Boolean bool(JsonNode node, String name) {
        JsonNode v = get(node, name);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            String s = v.asText().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true")) return true;
            if (s.equals("false")) return false;
        }
        throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, name + " must be a boolean");
    }

    /** An object attribute, or null; a non-object is invalid. */
    public static ObjectNode object(JsonNode node, String name) {
        JsonNode v = get(node, name);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, name + " must be an object");
        return (ObjectNode) v;
    }
}
