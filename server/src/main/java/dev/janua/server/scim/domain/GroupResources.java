package dev.janua.server.scim.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The SCIM Group resource (RFC 7643 §4.2): members are users of the same organization. */
public final class GroupResources {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GroupResources() {}

    public record GroupInput(String displayName, String externalId, Set<String> memberIds) {
        public String displayNameLower() {
            return displayName.toLowerCase(Locale.ROOT);
        }
    }

    /** A member as shown: the user's id and a display value. */
    public record MemberRef(String userId, String display) {}

    public static GroupInput read(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "The body must be a JSON object");
        String displayName = Attributes.text(body, "displayName", 300);
        if (displayName == null) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "displayName is required");
        Set<String> members = new LinkedHashSet<>();
        JsonNode list = Attributes.get(body, "members");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "members must be an array");
            for (JsonNode m : list) {
                String value = m.isTextual() ? m.asText() : Attributes.text(m, "value", 64);
                if (value == null || value.isBlank()) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "Each member needs a value");
                members.add(value.trim());
            }
        }
        return new GroupInput(displayName, Attributes.text(body, "externalId", 255), members);
    }

    public static ObjectNode render(ScimGroup g, List<MemberRef> members, String location, String userLocationBase) {
        ObjectNode node = NODES.objectNode();
        node.putArray("schemas").add(ScimSchemas.GROUP);
        node.put("id", g.id());
        if (g.externalId() != null) node.put("externalId", g.externalId());
        node.put("displayName", g.displayName());
        ArrayNode list = node.putArray("members");
        for (MemberRef m : members) {
            ObjectNode o = list.addObject();
            o.put("value", m.userId());
            if (m.display() != null) o.put("display", m.display());
            o.put("type", "User");
            o.put("$ref", userLocationBase + "/" + m.userId());
        }
        Versions.meta(node, "Group", g.createdAt(), g.updatedAt(), location);
        return node;
    }
}
