package dev.janua.server.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Documents each operation once. A handler mapped to several paths (the seeds' aliases, declared
 * together on its mapping: {@code {"/auth/signin", "/auth/login"}}) would otherwise appear in the
 * OpenAPI document once per path, cluttering {@code /docs} and multiplying every generated SDK. The
 * first path of the mapping, under the canonical {@code /api/v1}, keeps the operation; the other
 * paths stay routed and are named in its description ({@code /v1/…} is excluded from the document
 * altogether, see {@code springdoc.paths-to-exclude}).
 */
@Component
public class OpenApiAliases implements OpenApiCustomizer {
    private final RequestMappingHandlerMapping mappings;

    public OpenApiAliases(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** One handler's documented paths: the canonical one and its aliases, for the given HTTP methods. */
    public record AliasGroup(Set<RequestMethod> methods, String canonical, List<String> aliases) {}

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) return;
        for (AliasGroup group : groups(openApi.getPaths().keySet())) {
            for (RequestMethod method : group.methods()) {
                PathItem.HttpMethod http = PathItem.HttpMethod.valueOf(method.name());
                Operation kept = operation(openApi, group.canonical(), http);
                if (kept == null) continue;
                for (String alias : group.aliases()) {
                    PathItem item = openApi.getPaths().get(alias);
                    if (item == null) continue;
                    item.operation(http, null);
                    if (item.readOperationsMap().isEmpty()) openApi.getPaths().remove(alias);
                }
                kept.setDescription(describe(kept.getDescription(), group.aliases()));
            }
        }
    }

    /**
     * The handlers that answer on more than one documented path. {@code documented} are the paths
     * springdoc kept (prefixes and patterns it excludes are not aliases worth naming).
     */
    public List<AliasGroup> groups(Set<String> documented) {
        List<AliasGroup> groups = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Set<String> paths = new TreeSet<>();
            for (String pattern : e.getKey().getPatternValues()) {
                String path = openApiPath(pattern);
                if (documented.contains(path)) paths.add(path);
            }
            if (paths.size() < 2) continue;
            String canonical = canonical(e.getValue(), paths);
            List<String> aliases = paths.stream().filter(p -> !p.equals(canonical)).toList();
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            groups.add(new AliasGroup(methods.isEmpty() ? Set.of(RequestMethod.GET) : methods, canonical, aliases));
        }
        return groups;
    }

    /** The first path the handler declares, as it appears under the canonical prefix. */
    private static String canonical(HandlerMethod handler, Set<String> paths) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (mapping != null && mapping.path().length > 0) {
            boolean prefixed = AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), JanuaApi.class);
            String first = openApiPath((prefixed ? ApiPrefixes.PREFIXES[0] : "") + mapping.path()[0]);
            if (paths.contains(first)) return first;
        }
        return paths.iterator().next();
    }

    private static String describe(String description, List<String> aliases) {
        StringBuilder s = new StringBuilder(description == null || description.isBlank() ? "" : description + "\n\n");
        s.append("Also answers at ");
        for (int i = 0; i < aliases.size(); i++) {
            if (i > 0) s.append(i == aliases.size() - 1 ? " and " : ", ");
            s.append('`').append(aliases.get(i)).append('`');
        }
        return s.append(" (aliases of this operation).").toString();
    }

    private static Operation operation(OpenAPI openApi, String path, PathItem.HttpMethod method) {
        PathItem item = openApi.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(method);
    }

    /** A mapping pattern as springdoc writes it: {@code /users/{id:[a-z]+}} becomes {@code /users/{id}}. */
    static String openApiPath(String pattern) {
        return pattern.replaceAll("\\{\\*?(\\w+)(:[^}]*)?}", "{$1}");
    }
}
