package dev.janua.server.apikeys.app;

import dev.janua.server.apikeys.ApiKey;
import dev.janua.server.apikeys.ApiKeys;
import dev.janua.server.apikeys.persistence.JdbcApiKeyRepository;
import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.users.PlatformAdmins;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for server-side callers: {@code sk_} + 256 random bits, shown once, SHA-256 at rest,
 * scoped to one organization or to the platform, with permissions and an optional expiry.
 * Organization keys are managed with {@code api_keys:*} in that organization and never hold more
 * than their creator; platform keys by platform admins only.
 */
@Service
public class ApiKeyService implements ApiKeys {
    /** Ten years: a longer-lived key is a key that is never rotated. */
    private static final long MAX_LIFETIME_SECONDS = 10L * 366 * 24 * 3600;
    private static final Duration USE_RESOLUTION = Duration.ofSeconds(60);
    private final JdbcApiKeyRepository keys;
    private final OrganizationAccess access;
    private final PlatformAdmins admins;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final RandomTokens random;
    private final Clock clock;

    public ApiKeyService(JdbcApiKeyRepository keys, OrganizationAccess access, PlatformAdmins admins, EventPublisher events,
                         IdGenerator ids, RandomTokens random, Clock clock) {
        this.keys = keys;
        this.access = access;
        this.admins = admins;
        this.events = events;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /** {@code scope} is "organization" (the default) or "platform" (no organization; platform admins only). */
    public record ApiKeyDraft(String name, String scope, String organizationId, List<String> permissions, Instant expiresAt,
                              Long expiresIn) {}

    public record Created(ApiKey key, String secret) {}

    @Transactional
    public Created create(Caller caller, String organizationId, ApiKeyDraft d, ClientInfo client) {
        boolean platform = "platform".equalsIgnoreCase(d.scope());
        String org = platform ? null : organizationId;
        List<String> permissions = PermissionCatalogue.validate(d.permissions(), platform, "permissions");
        if (permissions.isEmpty()) throw invalid("permissions", "required");
        if (org == null) {
            if (!platform) throw invalid("organizationId", "required");
            admins.require(caller);
        } else {
            Access a = access.require(caller, org, PermissionCatalogue.API_KEYS_WRITE);
            if (!a.permissions().covers(PermissionSet.of(permissions))) {
                throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "cannot_grant_more_than_held"));
            }
        }
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty() || name.length() > 100) throw invalid("name", name.isEmpty() ? "required" : "too_long");
        Instant now = clock.instant();
        Instant expires = expiry(d, now);
        String secret = random.next("sk");
        ApiKey key = new ApiKey(ids.next("key"), org, name, secret.substring(0, 11), permissions, caller.actorId(), now, expires,
                null, null, null);
        keys.insert(key, Hashes.sha256Hex(secret));
        events.publish(event("api_key.created", key, caller.actorId()), client);
        return new Created(key, secret);
    }

    public Page<ApiKey> list(Caller caller, String organizationId, PageRequest page) {
        authorizeRead(caller, organizationId);
        return Page.fromRows(keys.list(organizationId, page), page, ApiKey::id, keys.count(organizationId));
    }

    public ApiKey get(Caller caller, String organizationId, String keyId) {
        authorizeRead(caller, organizationId);
        return find(organizationId, keyId);
    }

    @Transactional
    public ApiKey revoke(Caller caller, String organizationId, String keyId, ClientInfo client) {
        if (organizationId == null) admins.require(caller);
        else access.require(caller, organizationId, PermissionCatalogue.API_KEYS_WRITE);
        ApiKey key = find(organizationId, keyId);
        if (keys.revoke(key.id(), caller.actorId(), clock.instant())) {
            events.publish(event("api_key.revoked", key, caller.actorId()), client);
        }
        return find(organizationId, keyId);
    }

    @Override
    public Caller.ApiKeyGrant authenticate(String rawKey) {
        if (!ApiKeys.looksLikeKey(rawKey) || rawKey.length() > 200) throw rejected("malformed");
        ApiKey key = keys.findByHash(Hashes.sha256Hex(rawKey.trim())).orElseThrow(() -> rejected("unknown"));
        Instant now = clock.instant();
        String status = key.statusAt(now);
        if (!"active".equals(status)) throw rejected(status);
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(USE_RESOLUTION))) {
            keys.touch(key.id(), now, now.minus(USE_RESOLUTION));
        }
        return new Caller.ApiKeyGrant(key.id(), key.organizationId(), Set.copyOf(key.permissions()));
    }

    private void authorizeRead(Caller caller, String organizationId) {
        if (organizationId == null) admins.require(caller);
        else access.require(caller, organizationId, PermissionCatalogue.API_KEYS_READ);
    }

    private ApiKey find(String organizationId, String keyId) {
        return keys.find(organizationId, keyId).orElseThrow(() -> JanuaException.of(ErrorCode.API_KEY_NOT_FOUND, "keyId", keyId));
    }

    private Instant expiry(ApiKeyDraft d, Instant now) {
        if (d.expiresIn() != null && (d.expiresIn() < 1 || d.expiresIn() > MAX_LIFETIME_SECONDS)) throw invalid("expiresIn", "out_of_range");
        Instant expires = d.expiresAt() != null ? d.expiresAt() : d.expiresIn() != null ? now.plusSeconds(d.expiresIn()) : null;
        if (expires != null && !expires.isAfter(now.plusSeconds(59))) throw invalid("expiresAt", "must_be_in_the_future");
        return expires;
    }

    private static DomainEvent event(String type, ApiKey key, String actorId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keyId", key.id());
        data.put("name", key.name());
        data.put("scope", key.organizationId() == null ? "platform" : "organization");
        data.put("permissions", key.permissions());
        return new DomainEvent(type, key.id(), actorId, key.organizationId(), data);
    }

    private static JanuaException rejected(String reason) {
        return JanuaException.of(ErrorCode.INVALID_API_KEY, "reason", reason);
    }

    private static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }
}
