package dev.janua.server.scim.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.janua.server.scim.domain.ScimSchemas;

/** The SCIM error body (RFC 7644 §3.12): {@code status} as a string, {@code scimType} when there is one. */
final class ScimErrors {
    private ScimErrors() {}

    static ObjectNode node(int status, String scimType, String detail) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putArray("schemas").add(ScimSchemas.ERROR);
        n.put("status", Integer.toString(status));
        if (scimType != null) n.put("scimType", scimType);
        if (detail != null) n.put("detail", detail);
        return n;
    }

    static String body(int status, String scimType, String detail) {
        return node(status, scimType, detail).toString();
    }
}
