package dev.janua.server.ops.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document is generated from the controllers (springdoc) and served at
 * {@code /openapi.json} and {@code /openapi.yaml}, with the interactive page at {@code /docs}.
 * Routes are listed under the canonical {@code /api/v1} prefix; {@code /v1} is an alias.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI januaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Janua API").version("v1")
                        .description("Open-source identity platform. Every /api/v1 route also answers under /v1. "
                                + "Errors: {\"error\": {code, message, details, requestId, timestamp}}.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** springdoc names the YAML form after the JSON path; this gives it the documented name. */
    @Controller
    static class OpenApiYaml {
        @GetMapping("/openapi.yaml")
        String yaml() {
            return "forward:/openapi.json.yaml";
        }
    }
}
