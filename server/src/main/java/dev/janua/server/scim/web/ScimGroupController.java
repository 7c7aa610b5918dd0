package dev.janua.server.scim.web;

import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.scim.app.ScimGroupQueries;
import dev.janua.server.scim.app.ScimGroupService;
import dev.janua.server.scim.domain.Projection;
import dev.janua.server.scim.domain.ScimCaller;
import dev.janua.server.scim.domain.SearchRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * SCIM Groups (RFC 7644 §3), authenticated by a SCIM token ({@link ScimAuthenticationFilter}); seed
 * 001's {@code /scim/Groups} is an alias of {@code /scim/v2/Groups}.
 */
@JanuaApi
@Tag(name = "SCIM")
public class ScimGroupController {
    private final ScimGroupService groups;
    private final ScimGroupQueries queries;

    public ScimGroupController(ScimGroupService groups, ScimGroupQueries queries) {
        this.groups = groups;
        this.queries = queries;
    }

    @GetMapping({"/scim/v2/Groups", "/scim/Groups"})
    @Operation(summary = "SCIM: list or filter groups (filter, startIndex, count, sortBy, sortOrder, attributes, excludedAttributes)")
    public ResponseEntity<String> list(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) ScimCaller caller,
                                       @RequestParam(required = false) String filter,
                                       @RequestParam(required = false) Integer startIndex,
                                       @RequestParam(required = false) Integer count,
                                       @RequestParam(required = false) String sortBy,
                                       @RequestParam(required = false) String sortOrder,
                                       @RequestParam(required = false) String attributes,
                                       @RequestParam(required = false) String excludedAttributes) {
        SearchRequest search = SearchRequest.of(filter, startIndex, count, sortBy, sortOrder);
        return ScimLists.respond(queries.list(caller, search, true), search, attributes, excludedAttributes);
    }

    @GetMapping({"/scim/v2/Groups/{id}", "/scim/Groups/{id}"})
    @Operation(summary = "SCIM: one group")
    public ResponseEntity<String> get(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) ScimCaller caller, @PathVariable String id,
                                      @RequestParam(required = false) String attributes,
                                      @RequestParam(required = false) String excludedAttributes) {
        return ScimJson.ok(Projection.apply(queries.get(caller, id), attributes, excludedAttributes));
    }

    @PostMapping({"/scim/v2/Groups", "/scim/Groups"})
    @Operation(summary = "SCIM: create a group in the token's organization")
    public ResponseEntity<String> create(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) ScimCaller caller,
                                         @RequestBody(required = false) String body, ClientInfo client) {
        return ScimJson.respond(201, groups.create(caller, ScimJson.read(body), client));
    }

    @PutMapping({"/scim/v2/Groups/{id}", "/scim/Groups/{id}"})
    @Operation(summary = "SCIM: replace a group (Okta updates membership this way)")
    public ResponseEntity<String> replace(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) ScimCaller caller, @PathVariable String id,
                                          @RequestBody(required = false) String body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch, ClientInfo client) {
        return ScimJson.ok(groups.replace(caller, id, ScimJson.read(body), ifMatch, client));
    }

    @PatchMapping({"/scim/v2/Groups/{id}", "/scim/Groups/{id}"})
    @Operation(summary = "SCIM: modify a group with PATCH operations (all or nothing)")
    public ResponseEntity<String> patch(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) ScimCaller caller, @PathVariable String id,
                                        @RequestBody(required = false) String body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch, ClientInfo client) {
        return ScimJson.ok(groups.patch(caller, id, ScimJson.read(body), ifMatch, client));
    }

    @DeleteMapping({"/scim/v2/Groups/{id}", "/scim/Groups/{id}"})
    @Operation(summary = "SCIM: delete a group (mapped roles are recomputed)")
    public ResponseEntity<Void> delete(@RequestAttribute(ScimAuthenticationFilter.ATTRIBUTE) ScimCaller caller, @PathVariable String id,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch, ClientInfo client) {
        groups.delete(caller, id, ifMatch, client);
        return ResponseEntity.noContent().build();
    }
}
