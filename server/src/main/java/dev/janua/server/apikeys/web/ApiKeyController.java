package dev.janua.server.apikeys.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.apikeys.ApiKey;
import dev.janua.server.apikeys.app.ApiKeyService;
import dev.janua.server.apikeys.app.ApiKeyService.ApiKeyDraft;
import dev.janua.server.organizations.ActiveOrganization;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * API keys of the active organization (path, {@code organizationId}, {@code X-Organization-ID} or
 * the calling key), or platform keys when there is none. The secret appears once, in the answer to
 * the create call.
 */
@JanuaApi
@Tag(name = "API keys")
@AcceptsApiKeys
public class ApiKeyController {
    private final ApiKeyService keys;
    private final Clock clock;

    public ApiKeyController(ApiKeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiKeyView(String id, String name, String key, String keyPrefix, String scope, String organizationId,
                             List<String> permissions, String status, String createdBy, Instant createdAt, Instant expiresAt,
                             Instant lastUsedAt, Instant revokedAt) {
        static ApiKeyView of(ApiKey k, String secret, Instant now) {
            return new ApiKeyView(k.id(), k.name(), secret, k.keyPrefix(), k.organizationId() == null ? "platform" : "organization",
                    k.organizationId(), k.permissions(), k.statusAt(now), k.createdBy(), k.createdAt(), k.expiresAt(),
                    k.lastUsedAt(), k.revokedAt());
        }
    }

    @PostMapping({"/api-keys", "/organizations/{organizationId}/api-keys"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key; the sk_ secret is in this answer only (api_keys:write, or platform admin for platform keys)")
    public ApiKeyView create(@PathVariable(required = false) String organizationId, @RequestBody ApiKeyDraft body, Caller caller,
                             @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader, ClientInfo client) {
        boolean platform = "platform".equalsIgnoreCase(body.scope());
        String org = platform ? null : ActiveOrganization.of(caller, organizationId != null ? organizationId : body.organizationId(), orgHeader);
        ApiKeyService.Created created = keys.create(caller, org, body, client);
        return ApiKeyView.of(created.key(), created.secret(), clock.instant());
    }

    @GetMapping({"/api-keys", "/organizations/{organizationId}/api-keys"})
    @Operation(summary = "List API keys without their secrets (api_keys:read)")
    public Page<ApiKeyView> list(@PathVariable(required = false) String organizationId, Caller caller,
                                 @RequestParam(name = "organizationId", required = false) String orgParam,
                                 @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader,
                                 @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Integer page) {
        String org = ActiveOrganization.of(caller, organizationId != null ? organizationId : orgParam, orgHeader);
        Instant now = clock.instant();
        return keys.list(caller, org, PageRequest.of(limit, cursor, page)).map(k -> ApiKeyView.of(k, null, now));
    }

    @GetMapping({"/api-keys/{keyId}", "/organizations/{organizationId}/api-keys/{keyId}"})
    @Operation(summary = "Get one API key without its secret (api_keys:read)")
    public ApiKeyView get(@PathVariable(required = false) String organizationId, @PathVariable String keyId, Caller caller,
                          @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader) {
        return ApiKeyView.of(keys.get(caller, ActiveOrganization.of(caller, organizationId, orgHeader), keyId), null, clock.instant());
    }

    @DeleteMapping({"/api-keys/{keyId}", "/organizations/{organizationId}/api-keys/{keyId}"})
    @Operation(summary = "Revoke an API key; it stops working at once (api_keys:write)")
    public ApiKeyView revoke(@PathVariable(required = false) String organizationId, @PathVariable String keyId, Caller caller,
                             @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader, ClientInfo client) {
        return ApiKeyView.of(keys.revoke(caller, ActiveOrganization.of(caller, organizationId, orgHeader), keyId, client), null,
                clock.instant());
    }

    @PostMapping({"/api-keys/{keyId}/revoke", "/organizations/{organizationId}/api-keys/{keyId}/revoke"})
    @Operation(summary = "Revoke an API key (POST form)")
    public ApiKeyView revokePost(@PathVariable(required = false) String organizationId, @PathVariable String keyId, Caller caller,
                                 @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader,
                                 ClientInfo client) {
        return revoke(organizationId, keyId, caller, orgHeader, client);
    }
}
