package dev.janua.server.rbac.web;

import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.rbac.Permission;
import dev.janua.server.rbac.PermissionCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The permission catalogue: what Janua's roles and API keys can be granted. */
@JanuaApi
@Tag(name = "RBAC")
public class PermissionController {

    public record PermissionList(List<Permission> data) {}

    @GetMapping("/permissions")
    @AcceptsApiKeys
    @Operation(summary = "List the permission catalogue (id, name, description, category)")
    public PermissionList list(Caller caller, @RequestParam(required = false) String category) {
        List<Permission> all = PermissionCatalogue.all().stream()
                .filter(p -> category == null || p.category().equalsIgnoreCase(category)).toList();
        return new PermissionList(all);
    }
}
