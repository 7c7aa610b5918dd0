package dev.janua.server.scim.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.4.2.5) on top-level attributes and
 * one level of sub-attributes ({@code name.givenName}); {@code id} and {@code schemas} always stay.
 */
public final class Projection {
    private Projection() {}

    public static ObjectNode apply(ObjectNode resource, String attributes, String excluded) {
        if (attributes != null && !attributes.isBlank()) return keep(resource, split(attributes));
        if (excluded != null && !excluded.isBlank()) {
            ObjectNode copy = resource.deepCopy();
            for (String[] p : split(excluded)) {
                if (p[0].equals("id") || p[0].equals("schemas")) continue;
                if (p.length == 1) removeIgnoreCase(copy, p[0]);
                else if (Attributes.get(copy, p[0]) instanceof ObjectNode child) removeIgnoreCase(child, p[1]);
            }
            return copy;
        }
        return resource;
    }

    private static ObjectNode keep(ObjectNode resource, List<String[]> paths) {
        ObjectNode out = resource.objectNode();
        out.set("schemas", resource.get("schemas"));
        out.set("id", resource.get("id"));
        for (String[] p : paths) {
            JsonNode value = Attributes.get(resource, p[0]);
            if (value == null) continue;
            String key = actualKey(resource, p[0]);
            if (p.length == 1 || !value.isObject()) {
                out.set(key, value);
            } else {
                JsonNode sub = Attributes.get(value, p[1]);
                if (sub == null) continue;
                ObjectNode target = out.get(key) instanceof ObjectNode o ? o : out.putObject(key);
                target.set(actualKey((ObjectNode) value, p[1]), sub);
            }
        }
        return out;
    }

    /** "urn:…:User:name.givenName" → ["name", "givenName"]; an extension URN alone stays whole. */
    private static List<String[]> split(String list) {
        List<String[]> out = new ArrayList<>();
        for (String raw : list.split(",")) {
            String a = raw.trim();
            if (a.isEmpty()) continue;
            String lower = a.toLowerCase(Locale.ROOT);
            for (String urn : new String[] {ScimSchemas.USER, ScimSchemas.GROUP}) {
                if (lower.startsWith(urn.toLowerCase(Locale.ROOT) + ":")) a = a.substring(urn.length() + 1);
            }
            if (lower.startsWith(ScimSchemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT) + ":")) {
                out.add(new String[] {ScimSchemas.ENTERPRISE_USER, a.substring(ScimSchemas.ENTERPRISE_USER.length() + 1)});
                continue;
            }
            if (a.startsWith("urn:")) {
                out.add(new String[] {a});
                continue;
            }
            int dot = a.indexOf('.');
            out.add(dot < 0 ? new String[] {a} : new String[] {a.substring(0, dot), a.substring(dot + 1)});
        }
        return out;
    }

    private static String actualKey(ObjectNode node, String name) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equalsIgnoreCase(name)) return k;
        }
        return name;
    }

    private static void removeIgnoreCase(ObjectNode node, String name) {
        node.remove(actualKey(node, name));
    }
}
