package dev.janua.server.ops.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document is generated from the controllers (springdoc, see platform.web.OpenApiConfig)
 * at {@code /openapi.json}; springdoc names the YAML form after the JSON path, and this gives it the
 * documented name {@code /openapi.yaml}. The interactive page is at {@code /docs}.
 */
@Controller
public class OpenApiYamlController {
    @GetMapping("/openapi.yaml")
    String yaml() {
        return "forward:/openapi.json.yaml";
    }
}
