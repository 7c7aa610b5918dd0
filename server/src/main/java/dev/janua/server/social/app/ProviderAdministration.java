package dev.janua.server.social.app;

import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.social.domain.AppleClientSecret;
import dev.janua.server.social.domain.ClaimMapping;
import dev.janua.server.social.domain.ProviderConfig;
import dev.janua.server.social.domain.ProviderKind;
import dev.janua.server.social.persistence.JdbcSocialProviders;
import dev.janua.server.social.persistence.JdbcSocialProviders.Row;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API's writes to provider configurations: validated, the client secret sealed under the
 * master key (bound to the row id), the change and its {@code oauth_provider.*} event in one
 * transaction. The secret is never returned; leaving it out of an update keeps the stored one.
 */
@Service
public class ProviderAdministration {
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private final JdbcSocialProviders rows;
    private final ProviderRegistry registry;
    private final SecretBox box;
    private final IdGenerator ids;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    public ProviderAdministration(JdbcSocialProviders rows, ProviderRegistry registry, SecretBox box, IdGenerator ids, EventPublisher events,
                                  TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.registry = registry;
        this.box = box;
        this.ids = ids;
        this.events = events;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** What an administrator sends; null fields of an update keep their stored values. */
    public record ProviderInput(String provider, String kind, String organizationId, String displayName, Boolean enabled, String clientId,
                                String clientSecret, String issuer, String authorizationUrl, String tokenUrl, String userinfoUrl,
                                String jwksUrl, List<String> scopes, Map<String, String> claimMapping, Map<String, String> settings) {}

    public ProviderConfig create(ProviderInput in, String actorId, ClientInfo client) {
        ProviderKind kind = ProviderKind.parse(in.kind() != null ? in.kind() : in.provider())
                .orElseThrow(() -> invalid("kind", "unknown"));
        String slug = in.provider() != null ? in.provider().trim().toLowerCase(Locale.ROOT) : kind.wireName();
        if (!SLUG.matcher(slug).matches()) throw invalid("provider", "invalid");
        if (!kind.generic() && !slug.equals(kind.wireName())) throw invalid("provider", "must_be_" + kind.wireName());
        if (kind.generic() && ProviderKind.parse(slug).filter(k -> !k.generic()).isPresent()) throw invalid("provider", "reserved");
        Instant now = clock.instant();
        Row row = validated(ids.next("spv"), slug, kind, in.organizationId(), in, null, now, now);
        try {
            tx.executeWithoutResult(t -> {
                rows.insert(row);
                publish("oauth_provider.configured", row, actorId, client);
            });
        } catch (DuplicateKeyException e) {
            throw JanuaException.of(ErrorCode.CONFLICT, "reason", "provider_already_configured");
        }
        return registry.open(row);
    }

    public ProviderConfig update(String id, ProviderInput in, String actorId, ClientInfo client) {
        return tx.execute(t -> {
            Row old = rows.find(id).orElseThrow(() -> JanuaException.of(ErrorCode.OAUTH_PROVIDER_NOT_FOUND, "id", id));
            ProviderKind kind = ProviderKind.parse(old.kind()).orElseThrow();
            Row row = validated(id, old.slug(), kind, old.organizationId(), in, old, old.createdAt(), clock.instant());
            rows.update(row);
            publish("oauth_provider.configured", row, actorId, client);
            return registry.open(row);
        });
    }

    public void delete(String id, String actorId, ClientInfo client) {
        tx.executeWithoutResult(t -> {
            Row old = rows.find(id).orElseThrow(() -> JanuaException.of(ErrorCode.OAUTH_PROVIDER_NOT_FOUND, "id", id));
            rows.delete(id);
            publish("oauth_provider.deleted", old, actorId, client);
        });
    }

    private void publish(String type, Row r, String actorId, ClientInfo client) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("providerId", r.id());
        data.put("provider", r.slug());
        data.put("kind", r.kind());
        data.put("enabled", r.enabled());
        if (r.organizationId() != null) data.put("organizationId", r.organizationId());
        events.publish(new DomainEvent(type, r.id(), actorId, r.organizationId(), data), client);
    }

    private Row validated(String id, String slug, ProviderKind kind, String organizationId, ProviderInput in, Row old, Instant created, Instant now) {
        String clientId = pick(in.clientId(), old == null ? null : old.clientId());
        if (clientId == null || clientId.isBlank() || clientId.length() > 512) throw invalid("clientId", "required");
        String issuer = url("issuer", pick(in.issuer(), old == null ? null : old.issuer()));
        String auth = url("authorizationUrl", pick(in.authorizationUrl(), old == null ? null : old.authorizationUrl()));
        String token = url("tokenUrl", pick(in.tokenUrl(), old == null ? null : old.tokenUrl()));
        String userinfo = url("userinfoUrl", pick(in.userinfoUrl(), old == null ? null : old.userinfoUrl()));
        String jwks = url("jwksUrl", pick(in.jwksUrl(), old == null ? null : old.jwksUrl()));
        if (kind == ProviderKind.OIDC && issuer == null) throw invalid("issuer", "required");
        if (kind == ProviderKind.OAUTH2 && (auth == null || token == null || userinfo == null)) {
            throw invalid(auth == null ? "authorizationUrl" : token == null ? "tokenUrl" : "userinfoUrl", "required");
        }
        Map<String, String> mapping;
        try {
            mapping = in.claimMapping() != null ? ClaimMapping.validate(in.claimMapping())
                    : old == null || old.claimMapping() == null ? Map.of() : json.readValue(old.claimMapping(), ProviderRegistry.MAP);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), "invalid");
        }
        Map<String, String> settings = in.settings() != null ? in.settings()
                : old == null || old.settings() == null ? Map.of() : json.readValue(old.settings(), ProviderRegistry.MAP);
        if (settings.size() > 20 || settings.values().stream().anyMatch(v -> v == null || v.length() > 500)) throw invalid("settings", "invalid");
        List<String> scopes = in.scopes() != null ? in.scopes()
                : old == null || old.scopes() == null ? null : json.readValue(old.scopes(), ProviderRegistry.LIST);
        if (scopes != null && scopes.stream().anyMatch(s -> s == null || !s.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}"))) {
            throw invalid("scopes", "invalid");
        }
        String sealed = in.clientSecret() != null && !in.clientSecret().isEmpty() ? box.seal(in.clientSecret(), ProviderRegistry.associatedData(id))
                : old == null ? null : old.clientSecretSealed();
        if (kind == ProviderKind.APPLE) {
            if (settings.get("teamId") == null || settings.get("keyId") == null) throw invalid("settings", "apple_needs_teamId_and_keyId");
            if (in.clientSecret() != null) {
                try {
                    AppleClientSecret.privateKey(in.clientSecret());
                } catch (IllegalArgumentException e) {
                    throw invalid("clientSecret", "apple_private_key_invalid");
                }
            }
        }
        if (sealed == null && kind != ProviderKind.TWITTER && !"none".equals(settings.get("tokenEndpointAuthMethod"))) {
            throw invalid("clientSecret", "required");
        }
        boolean enabled = in.enabled() != null ? in.enabled() : old == null || old.enabled();
        String name = pick(in.displayName(), old == null ? null : old.displayName());
        if (name != null && name.length() > 100) throw invalid("displayName", "too_long");
        return new Row(id, slug, kind.wireName(), organizationId, name, enabled, clientId, sealed, issuer, auth, token, userinfo, jwks,
                scopes == null ? null : json.writeValueAsString(scopes), mapping.isEmpty() ? null : json.writeValueAsString(mapping),
                settings.isEmpty() ? null : json.writeValueAsString(settings), created, now);
    }

    private static String pick(String given, String stored) {
        return given != null ? (given.isBlank() ? null : given.trim()) : stored;
    }

    private static String url(String field, String value) {
        if (value == null) return null;
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawFragment() != null || value.length() > 2048) {
                throw invalid(field, "invalid_url");
            }
            return value;
        } catch (java.net.URISyntaxException e) {
            throw invalid(field, "invalid_url");
        }
    }

    private static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }
}
