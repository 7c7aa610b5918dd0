package dev.janua.server.scim.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.janua.server.scim.domain.Projection;
import dev.janua.server.scim.domain.ScimSchemas;
import dev.janua.server.scim.domain.SearchRequest;
import org.springframework.http.ResponseEntity;

/** The ListResponse (RFC 7644 §3.4.2): totalResults, startIndex, itemsPerPage, Resources. */
final class ScimLists {
    private ScimLists() {}

    static ResponseEntity<String> respond(SearchRequest.Page page, SearchRequest search, String attributes, String excluded) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
        n.put("totalResults", page.totalResults());
        n.put("startIndex", search.startIndex());
        n.put("itemsPerPage", page.resources().size());
        ArrayNode resources = n.putArray("Resources");
        for (ObjectNode r : page.resources()) resources.add(Projection.apply(r, attributes, excluded));
        return ResponseEntity.ok().contentType(ScimJson.SCIM).body(n.toString());
    }
}
