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
import dev.janua.server.users.PlatformAdmins;
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

/** Applications (OAuth/OIDC clients) of Janua as an OpenID Provider: platform admins only. */
@Tag(name = "Applications", description = "OAuth 2.0 / OpenID Connect clients of Janua's OpenID Provider")
@JanuaApi
public class ApplicationController {
    private final ApplicationService applications;
    private final PlatformAdmins admins;

    public ApplicationController(ApplicationService applications, PlatformAdmins admins) {
        this.applications = applications;
        this.admins = admins;
    }

    public record ApplicationRequest(String name, String type, List<String> redirectUris, List<String> postLogoutRedirectUris,
                                     List<String> grantTypes, List<String> scopes, Boolean firstParty,
                                     Integer accessTokenTtlSeconds, Integer refreshTokenTtlSeconds) {
        Fields fields() {
            return new Fields(name, type, redirectUris, postLogoutRedirectUris, grantTypes, scopes, firstParty,
                    accessTokenTtlSeconds, refreshTokenTtlSeconds);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationView(String id, String clientId, String clientSecret, String name, String type,
                                  List<String> redirectUris, List<String> postLogoutRedirectUris, List<String> grantTypes,
                                  List<String> scopes, boolean firstParty, long accessTokenTtlSeconds,
                                  long refreshTokenTtlSeconds, Instant createdAt, Instant updatedAt) {
        static ApplicationView of(Application a, String secret) {
            return new ApplicationView(a.id(), a.clientId(), secret, a.name(), a.type().wireName(), a.redirectUris(),
                    a.postLogoutRedirectUris(), a.grantTypes().stream().sorted().toList(), a.scopes().stream().sorted().toList(),
                    a.firstParty(), a.accessTokenTtl().toSeconds(), a.refreshTokenTtl().toSeconds(), a.createdAt(), a.updatedAt());
        }
    }

    @PostMapping("/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an application; the client secret is in this answer only")
    public ApplicationView create(@RequestBody ApplicationRequest body, Caller caller, ClientInfo client) {
        admins.require(caller);
        Registered r = applications.create(body.fields(), caller.actorId(), client);
        return ApplicationView.of(r.application(), r.clientSecret());
    }

    @GetMapping("/applications")
    public Page<ApplicationView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                      Caller caller) {
        admins.require(caller);
        return applications.list(PageRequest.of(limit, cursor, null)).map(a -> ApplicationView.of(a, null));
    }

    @GetMapping("/applications/{id}")
    public ApplicationView get(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return ApplicationView.of(applications.get(id), null);
    }

    @PatchMapping("/applications/{id}")
    public ApplicationView update(@PathVariable String id, @RequestBody ApplicationRequest body, Caller caller, ClientInfo client) {
        admins.require(caller);
        return ApplicationView.of(applications.update(id, body.fields(), caller.actorId(), client), null);
    }

    @DeleteMapping("/applications/{id}")
    public Ack delete(@PathVariable String id, Caller caller, ClientInfo client) {
        admins.require(caller);
        applications.delete(id, caller.actorId(), client);
        return Ack.of("Application deleted");
    }

    @PostMapping({"/applications/{id}/rotate-secret", "/applications/{id}/secret/rotate"})
    @Operation(summary = "Replace the client secret; the new secret is in this answer only, the old one stops working at once")
    public ApplicationView rotateSecret(@PathVariable String id, Caller caller, ClientInfo client) {
        admins.require(caller);
        Registered r = applications.rotateSecret(id, caller.actorId(), client);
        return ApplicationView.of(r.application(), r.clientSecret());
    }
}
