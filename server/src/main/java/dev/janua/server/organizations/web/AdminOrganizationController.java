package dev.janua.server.organizations.web;

import dev.janua.server.organizations.app.OrganizationQueries;
import dev.janua.server.organizations.app.OrganizationView;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform admin's view of every organization. */
@JanuaApi
@Tag(name = "Admin")
public class AdminOrganizationController {
    private final OrganizationQueries queries;

    public AdminOrganizationController(OrganizationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/admin/organizations")
    @AcceptsApiKeys
    @Operation(summary = "List all organizations with member counts; search by name, slug or domain (platform admin)")
    public Page<OrganizationView> list(Caller caller, @RequestParam(required = false) String search,
                                       @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Integer page) {
        return queries.listAll(caller, search, PageRequest.of(limit, cursor, page));
    }
}
