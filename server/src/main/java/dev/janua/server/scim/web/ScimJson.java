package dev.janua.server.scim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.janua.server.scim.domain.ScimProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one place SCIM bodies cross HTTP. UnboundID's SDK speaks Jackson 2 ({@code com.fasterxml})
 * while the rest of the server uses Jackson 3 ({@code tools.jackson}); SCIM controllers take and
 * return raw JSON text, parsed and written here with the SDK's own mapper, so the two never meet.
 */
final class ScimJson {
    static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");

    private ScimJson() {}

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "A JSON body is required");
        try {
            return JsonUtils.getObjectReader().readTree(body);
        } catch (Exception e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_SYNTAX, "The body is not valid JSON");
        }
    }

    static String write(Object value) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("SCIM response not serialisable", e);
        }
    }

    static ResponseEntity<String> ok(ObjectNode resource) {
        return respond(200, resource);
    }

    static ResponseEntity<String> respond(int status, ObjectNode resource) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(SCIM);
        String version = resource.path("meta").path("version").asText(null);
        if (version != null) b.eTag(version);
        String location = resource.path("meta").path("location").asText(null);
        if (status == 201 && location != null) b.header("Location", location);
        return b.body(write(resource));
    }
}
