package dev.janua.server.oidc.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.oidc.app.ApplicationService;
import dev.janua.server.oidc.app.ApplicationService.Fields;
import dev.janua.server.oidc.app.ApplicationService.Registered;
import dev.janua.server.oidc.domain.Application;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Applications (OAuth/OIDC clients) of Janua as an OpenID Provider. Platform admins manage every
 * application; an organization's owners and admins (whoever holds {@code organization:update} there)
 * manage that organization's applications only. Anyone else gets 403 — also for an id that does not
 * exist or belongs to an organization they are not in, so ids reveal nothing.
 */
@Tag(name = "Applications", description = "OAuth 2.0 / OpenID Connect clients of Janua's OpenID Provider")
@JanuaApi
public class ApplicationController {
    private final ApplicationService applications;
    private final ApplicationManagers managers;

    public ApplicationController(ApplicationService applications, ApplicationManagers managers) {
        this.applications = applications;
        this.managers = managers;
    }

    public record ApplicationRequest(String name, String type, List<String> redirectUris, List<String> postLogoutRedirectUris,
                                     List<String> grantTypes, List<String> scopes, Boolean firstParty,
                                     Integer accessTokenTtlSeconds, Integer refreshTokenTtlSeconds, String organizationId) {
        Fields fields() {
            return new Fields(name, type, redirectUris, postLogoutRedirectUris, grantTypes, scopes, firstParty,
                    accessTokenTtlSeconds, refreshTokenTtlSeconds, organizationId);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationView(String id, String clientId, String clientSecret, String name, String type,
                                  List<String> redirectUris, List<String> postLogoutRedirectUris, List<String> grantTypes,
                                  List<String> scopes, boolean firstParty, long accessTokenTtlSeconds,
                                  long refreshTokenTtlSeconds, String organizationId, Instant createdAt, Instant updatedAt) {
        static ApplicationView of(Application a, String secret) {
            return new ApplicationView(a.id(), a.clientId(), secret, a.name(), a.type().wireName(), a.redirectUris(),
                    a.postLogoutRedirectUris(), a.grantTypes().stream().sorted().toList(), a.scopes().stream().sorted().toList(),
                    a.firstParty(), a.accessTokenTtl().toSeconds(), a.refreshTokenTtl().toSeconds(), a.organizationId(), a.createdAt(), a.updatedAt());
        }
    }

    @PostMapping("/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an application; the client secret is in this answer only")
    public ApplicationView create(@RequestBody ApplicationRequest body, Caller caller, ClientInfo client) {
        managers.requireManage(caller, body.organizationId());
        Registered r = applications.create(body.fields(), caller.actorId(), client);
        return ApplicationView.of(r.application(), r.clientSecret());
    }

    @GetMapping("/applications")
    @Operation(summary = "List applications: all of them for platform admins, or one organization's (organizationId)")
    public Page<ApplicationView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) String organizationId, Caller caller) {
        String org = organizationId == null || organizationId.isBlank() ? null : organizationId.strip();
        managers.requireManage(caller, org);
        return applications.list(org, PageRequest.of(limit, cursor, null)).map(a -> ApplicationView.of(a, null));
    }

    @GetMapping("/applications/{id}")
    public ApplicationView get(@PathVariable String id, Caller caller) {
        return ApplicationView.of(managers.manageable(id, caller), null);
    }

    @PatchMapping("/applications/{id}")
    public ApplicationView update(@PathVariable String id, @RequestBody ApplicationRequest body, Caller caller, ClientInfo client) {
        managers.manageable(id, caller);
        return ApplicationView.of(applications.update(id, body.fields(), caller.actorId(), client), null);
    }

    @DeleteMapping("/applications/{id}")
    public Ack delete(@PathVariable String id, Caller caller, ClientInfo client) {
        managers.manageable(id, caller);
        applications.delete(id, caller.actorId(), client);
        return Ack.of("Application deleted");
    }

    @PostMapping({"/applications/{id}/rotate-secret", "/applications/{id}/secret/rotate"})
    @Operation(summary = "Replace the client secret; the new secret is in this answer only, the old one stops working at once")
    public ApplicationView rotateSecret(@PathVariable String id, Caller caller, ClientInfo client) {
        managers.manageable(id, caller);
        Registered r = applications.rotateSecret(id, caller.actorId(), client);
        return ApplicationView.of(r.application(), r.clientSecret());
    }
}
