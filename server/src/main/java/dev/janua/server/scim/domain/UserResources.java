package dev.janua.server.scim.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/**
 * The SCIM User resource (RFC 7643 §4.1, enterprise extension §4.3) of a provisioned member: how
 * Janua renders it and how a request body reads. Janua's account holds the name and email; the
 * SCIM record holds userName, externalId, displayName, active and the enterprise attributes.
 */
public final class UserResources {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final int MAX_USER_NAME = 320;

    private UserResources() {}

    /** What a POST or PUT body (or a patched resource) says a user should be. */
    public record UserInput(String userName, String externalId, String displayName, String givenName, String familyName,
                            String email, Boolean active, String employeeNumber, String department, String managerId) {
        public String userNameLower() {
            return userName.toLowerCase(Locale.ROOT);
        }

        public boolean activeOrDefault() {
            return active == null || active;
        }
    }

    /** The account fields a resource shows, read from the users module. */
    public record Account(String email, String firstName, String lastName) {}

    /** A group the user is in, for the read-only {@code groups} attribute (RFC 7643 §4.1.2). */
    public record GroupRef(String id, String displayName) {}

    public static UserInput read(JsonNode body) {
        if (body == null || !body.isObject()) throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "The body must be a JSON object");
        String userName = Attributes.text(body, "userName", MAX_USER_NAME);
        if (userName == null) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "userName is required");
        ObjectNode name = Attributes.object(body, "name");
        String email = primaryEmail(Attributes.get(body, "emails"));
        if (email == null && userName.contains("@")) email = userName;
        if (email == null) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "An email (emails or an email-shaped userName) is required");
        ObjectNode enterprise = Attributes.object(body, ScimSchemas.ENTERPRISE_USER);
        String managerId = null;
        JsonNode manager = Attributes.get(enterprise, "manager");
        if (manager != null && manager.isObject()) managerId = Attributes.text(manager, "value", 255);
        else if (manager != null && manager.isTextual()) managerId = blankToNull(manager.asText());
        return new UserInput(userName, Attributes.text(body, "externalId", 255), Attributes.text(body, "displayName", 300),
                Attributes.text(name, "givenName", 100), Attributes.text(name, "familyName", 100), email,
                Attributes.bool(body, "active"), Attributes.text(enterprise, "employeeNumber", 100),
                Attributes.text(enterprise, "department", 200), managerId);
    }

    /** The primary email, else the first, else null. */
    static String primaryEmail(JsonNode emails) {
        if (emails == null || emails.isNull()) return null;
        if (!emails.isArray()) throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "emails must be an array");
        String first = null;
        for (JsonNode e : emails) {
            String value = Attributes.text(e, "value", 320);
            if (value == null) continue;
            if (Boolean.TRUE.equals(Attributes.bool(e, "primary"))) return value;
            if (first == null) first = value;
        }
        return first;
    }

    public static ObjectNode render(ScimUser u, Account account, String location) {
        return render(u, account, java.util.List.of(), location, null);
    }

    /** {@code groups}: direct memberships, read-only, {@code $ref} under {@code groupLocationBase}. */
    public static ObjectNode render(ScimUser u, Account account, java.util.List<GroupRef> groups, String location,
                                    String groupLocationBase) {
        ObjectNode node = NODES.objectNode();
        ArrayNode schemas = node.putArray("schemas");
        schemas.add(ScimSchemas.USER);
        schemas.add(ScimSchemas.ENTERPRISE_USER);
        node.put("id", u.userId());
        if (u.externalId() != null) node.put("externalId", u.externalId());
        node.put("userName", u.userName());
        ObjectNode name = node.putObject("name");
        if (account.firstName() != null) name.put("givenName", account.firstName());
        if (account.lastName() != null) name.put("familyName", account.lastName());
        String formatted = ((account.firstName() == null ? "" : account.firstName()) + " "
                + (account.lastName() == null ? "" : account.lastName())).trim();
        if (!formatted.isEmpty()) name.put("formatted", formatted);
        String display = u.displayName() != null ? u.displayName() : formatted.isEmpty() ? null : formatted;
        if (display != null) node.put("displayName", display);
        ObjectNode email = node.putArray("emails").addObject();
        email.put("value", account.email());
        email.put("type", "work");
        email.put("primary", true);
        node.put("active", u.active());
        ObjectNode enterprise = node.putObject(ScimSchemas.ENTERPRISE_USER);
        if (u.employeeNumber() != null) enterprise.put("employeeNumber", u.employeeNumber());
        if (u.department() != null) enterprise.put("department", u.department());
        if (u.managerId() != null) enterprise.putObject("manager").put("value", u.managerId());
        if (!groups.isEmpty()) {
            ArrayNode refs = node.putArray("groups");
            for (GroupRef g : groups) {
                ObjectNode ref = refs.addObject();
                ref.put("value", g.id());
                if (groupLocationBase != null) ref.put("$ref", groupLocationBase + "/" + g.id());
                if (g.displayName() != null) ref.put("display", g.displayName());
                ref.put("type", "direct");
            }
        }
        Versions.meta(node, "User", u.createdAt(), latest(u.updatedAt(), null), location);
        return node;
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
