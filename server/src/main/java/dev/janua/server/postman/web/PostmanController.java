package dev.janua.server.postman.web;

import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.postman.PostmanCollection;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /postman/collection.json} (seeds 000 and 002): the API as a Postman collection,
 * generated on the first request from the very OpenAPI document {@code /openapi.json} serves (same
 * springdoc resource, same customisers), then kept: the document only changes with the code, so
 * the collection cannot drift from it. Hidden from the OpenAPI document itself, like {@code /openapi.json}.
 */
@Hidden
@RestController
public class PostmanController {
    private final OpenApiWebMvcResource openApi;
    private final JsonMapper json;
    private final PublicUrl publicUrl;
    private final String apiDocsPath;
    private volatile byte[] collection;

    public PostmanController(OpenApiWebMvcResource openApi, JsonMapper json, PublicUrl publicUrl,
                             @Value("${springdoc.api-docs.path:/openapi.json}") String apiDocsPath) {
        this.openApi = openApi;
        this.json = json;
        this.publicUrl = publicUrl;
        this.apiDocsPath = apiDocsPath;
    }

    @GetMapping(value = "/postman/collection.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> collection(HttpServletRequest request) throws Exception {
        byte[] body = collection;
        if (body == null) {
            // Two first requests may both build it; the result is the same, so no lock is needed.
            byte[] document = openApi.openapiJson(request, apiDocsPath, Locale.ENGLISH);
            body = json.writeValueAsBytes(PostmanCollection.from(json.readTree(document), publicUrl.base()));
            collection = body;
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"janua.postman_collection.json\"")
                .body(body);
    }
}
