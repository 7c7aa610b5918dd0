package dev.janua.server.platform.web;

import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated OpenAPI spec ({@code /openapi.json}): handler parameters resolved from the request
 * itself ({@link Caller}, {@link ClientInfo}) are not request parameters; the two ways to
 * authenticate are declared as security schemes, and each operation names the ones it accepts
 * (a user token; API keys only where the handler is marked {@link AcceptsApiKeys}).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, ClientInfo.class);
    }

    @Bean
    OpenAPI januaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Janua API").version("v1")
                        .description("Open-source identity platform: authentication, sessions, MFA, users, organizations, "
                                + "RBAC, API keys, webhooks, audit. Every /api/v1 route also answers under /v1; an operation's other "
                                + "paths (the seeds' aliases) are named in its description. Errors: "
                                + "{\"error\": {code, message, details, requestId, timestamp}} (schema ApiError).")
                        // OpenAPI 3.1: a license names its SPDX identifier (or a URL)
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT or sk_ API key")
                                .description("A user access token, or an API key (sk_…) where the operation accepts keys"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")));
    }

    @Bean
    OperationCustomizer januaSecurityRequirements() {
        return (operation, handler) -> {
            boolean authenticated = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Caller.class);
            if (!authenticated) return operation;
            operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
            if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AcceptsApiKeys.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), AcceptsApiKeys.class)) {
                operation.addSecurityItem(new SecurityRequirement().addList("apiKey"));
            }
            return operation;
        };
    }
}
