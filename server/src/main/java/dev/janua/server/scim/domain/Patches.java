package dev.janua.server.scim.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * SCIM PATCH (RFC 7644 §3.5.2) with UnboundID's semantics, applied to a copy of the resource: every
 * operation applies or none does, because nothing is written until the whole request has been
 * applied in memory. Before the SDK sees the request, the shapes real clients send are brought to
 * the RFC's: Entra ID's capitalised op names ({@code "Replace"}), dotted attribute names inside a
 * path-less value ({@code "name.givenName"}), and members removed by value list instead of by filter.
 */
public final class Patches {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Patches() {}

    /** The resource after the PATCH body's operations, or a {@link ScimProblem}. {@code meta} is not patchable. */
    public static ObjectNode apply(ObjectNode resource, JsonNode body) {
        PatchRequest request = parse(body);
        ObjectNode copy = resource.deepCopy();
        copy.remove("meta");
        String id = copy.path("id").asText(null);
        try {
            GenericScimResource patched = new GenericScimResource(copy);
            request.apply(patched);
            copy = patched.getObjectNode();
        } catch (ScimException e) {
            throw new ScimProblem(e.getScimError().getStatus(), e.getScimError().getScimType(), e.getScimError().getDetail());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, e.getMessage());
        }
        if (id != null && !id.equals(copy.path("id").asText(null))) {
            throw ScimProblem.badRequest(ScimProblem.MUTABILITY, "id is read-only");
        }
        return copy;
    }

    static PatchRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "The body must be a JSON object");
        JsonNode ops = Attributes.get(body, "Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "Operations must be a non-empty array");
        }
        ObjectNode normalised = NODES.objectNode();
        normalised.putArray("schemas").add(ScimSchemas.PATCH_OP);
        ArrayNode out = normalised.putArray("Operations");
        for (JsonNode op : ops) normalise(op, out);
        try {
            return JsonUtils.getObjectReader().treeToValue(normalised, PatchRequest.class);
        } catch (Exception e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "Unreadable PATCH operation: " + rootMessage(e));
        }
    }

    private static void normalise(JsonNode op, ArrayNode out) {
        if (!op.isObject()) throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "Each operation must be an object");
        String name = Attributes.text(op, "op", 20);
        if (name == null) throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "op is required");
        name = name.toLowerCase(Locale.ROOT);
        if (!name.equals("add") && !name.equals("replace") && !name.equals("remove")) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "Unknown op " + name);
        }
        String path = Attributes.text(op, "path", 1000);
        JsonNode value = Attributes.get(op, "value");
        if (name.equals("remove") && path == null) {
            throw ScimProblem.badRequest(ScimProblem.NO_TARGET, "remove needs a path");
        }
        // Entra ID (older builds) removes members by listing them as the value of a plain "members" path;
        // the RFC's way, and the only one that does not remove every member, is one filter per member.
        if (name.equals("remove") && path.equalsIgnoreCase("members") && value != null && value.isArray() && !value.isEmpty()) {
            for (JsonNode m : value) {
                String id = m.isTextual() ? m.asText() : Attributes.text(m, "value", 64);
                if (id == null) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "Each member needs a value");
                ObjectNode o = out.addObject();
                o.put("op", "remove");
                o.put("path", "members[value eq \"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
            }
            return;
        }
        ObjectNode o = out.addObject();
        o.put("op", name);
        if (path != null) o.put("path", path);
        if (value != null && !name.equals("remove")) o.set("value", path == null && value.isObject() ? expandDotted((ObjectNode) value) : value);
    }

    /** {@code {"name.givenName": "x"}} → {@code {"name": {"givenName": "x"}}}; schema URNs keep their dots. */
    static ObjectNode expandDotted(ObjectNode value) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            // a fully qualified attribute ("urn:…:enterprise:2.0:User:department") goes under its schema's object
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.startsWith(ScimSchemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT) + ":")) {
                JsonNode ext = out.get(ScimSchemas.ENTERPRISE_USER);
                ObjectNode target = ext instanceof ObjectNode obj ? obj : out.putObject(ScimSchemas.ENTERPRISE_USER);
                target.set(key.substring(ScimSchemas.ENTERPRISE_USER.length() + 1), e.getValue());
                continue;
            }
            if (lower.startsWith(ScimSchemas.USER.toLowerCase(Locale.ROOT) + ":")) key = key.substring(ScimSchemas.USER.length() + 1);
            int dot = key.indexOf('.');
            if (key.startsWith("urn:") || dot <= 0 || dot == key.length() - 1) {
                JsonNode prior = out.get(key);
                if (prior instanceof ObjectNode merged && e.getValue() instanceof ObjectNode more) merged.setAll(more);
                else out.set(key, e.getValue());
                continue;
            }
            String parent = key.substring(0, dot);
            JsonNode existing = out.get(parent);
            ObjectNode child = existing instanceof ObjectNode obj ? obj : out.putObject(parent);
            child.set(key.substring(dot + 1), e.getValue());
        }
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
