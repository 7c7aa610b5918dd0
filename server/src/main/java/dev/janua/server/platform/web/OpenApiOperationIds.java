package dev.janua.server.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Operation ids that SDK generators can turn into method names: the handler's name when no other
 * documented handler has it ({@code signIn}), else prefixed with its controller's
 * ({@code apiKeyList}, {@code webhookList}) — rather than springdoc's numbered {@code list_7}.
 */
@Component
public class OpenApiOperationIds implements OpenApiCustomizer {
    private final RequestMappingHandlerMapping mappings;

    public OpenApiOperationIds(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) return;
        Map<String, HandlerMethod> byRoute = new HashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod m : e.getKey().getMethodsCondition().getMethods()) {
                    byRoute.put(m.name() + " " + OpenApiAliases.openApiPath(pattern), e.getValue());
                }
            }
        }
        Map<Operation, HandlerMethod> documented = new HashMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            HandlerMethod handler = byRoute.get(method.name() + " " + path);
            if (handler != null) documented.put(op, handler);
        }));
        Map<String, Set<HandlerMethod>> byName = new HashMap<>();
        documented.values().forEach(h -> byName.computeIfAbsent(h.getMethod().getName(), n -> new HashSet<>()).add(h));
        documented.forEach((op, h) -> {
            String name = h.getMethod().getName();
            op.setOperationId(byName.get(name).size() == 1 ? name : stem(h.getBeanType()) + StringUtils.capitalize(name));
        });
    }

    /** {@code ApiKeyController} → {@code apiKey}. */
    private static String stem(Class<?> controller) {
        String simple = controller.getSimpleName().replaceFirst("Controller$", "");
        return StringUtils.uncapitalize(simple);
    }
}
