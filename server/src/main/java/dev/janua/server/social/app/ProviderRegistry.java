package dev.janua.server.social.app;

import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.social.domain.ProviderConfig;
import dev.janua.server.social.domain.ProviderKind;
import dev.janua.server.social.persistence.JdbcSocialProviders;
import dev.janua.server.social.persistence.JdbcSocialProviders.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which providers exist, for whom: an organization's own configuration of a slug wins over the
 * platform-wide one, and a stored (admin API) configuration wins over the environment's.
 * Secrets are opened from their sealed form only here.
 */
@Service
public class ProviderRegistry {
    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);
    static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private final JdbcSocialProviders rows;
    private final SecretBox box;
    private final JsonMapper json;
    private final Map<String, ProviderConfig> environment;

    public ProviderRegistry(JdbcSocialProviders rows, SecretBox box, JsonMapper json, SocialProperties properties) {
        this.rows = rows;
        this.box = box;
        this.json = json;
        this.environment = fromEnvironment(properties);
    }

    /** The provider {@code slug} as seen from {@code organizationId} (null: platform-wide), enabled or not. */
    public Optional<ProviderConfig> find(String slug, String organizationId) {
        if (slug == null) return Optional.empty();
        if (organizationId != null) {
            Optional<Row> own = rows.findBySlug(organizationId, slug);
            if (own.isPresent()) return Optional.of(open(own.get()));
        }
        return rows.findBySlug(null, slug).map(this::open).or(() -> Optional.ofNullable(environment.get(slug)));
    }

    /** Every provider visible to {@code organizationId}, after the precedence rules, by slug. */
    public List<ProviderConfig> list(String organizationId) {
        Map<String, ProviderConfig> bySlug = new LinkedHashMap<>(environment);
        List<Row> stored = rows.list(organizationId);
        for (Row r : stored) if (r.organizationId() == null) bySlug.put(r.slug(), open(r));
        for (Row r : stored) if (r.organizationId() != null) bySlug.put(r.slug(), open(r));
        return new ArrayList<>(bySlug.values());
    }

    public Optional<ProviderConfig> findStored(String id) {
        return rows.find(id).map(this::open);
    }

    public boolean fromEnvironment(String slug) {
        return environment.containsKey(slug);
    }

    static String associatedData(String providerId) {
        return "social_provider:" + providerId;
    }

    ProviderConfig open(Row r) {
        String secret = r.clientSecretSealed() == null ? null : box.open(r.clientSecretSealed(), associatedData(r.id()));
        return new ProviderConfig(r.id(), r.slug(), ProviderKind.parse(r.kind()).orElseThrow(), r.organizationId(), r.displayName(),
                r.enabled(), r.clientId(), secret, r.issuer(), r.authorizationUrl(), r.tokenUrl(), r.userinfoUrl(), r.jwksUrl(),
                r.scopes() == null ? null : json.readValue(r.scopes(), LIST),
                r.claimMapping() == null ? null : json.readValue(r.claimMapping(), MAP),
                r.settings() == null ? null : json.readValue(r.settings(), MAP), "admin");
    }

    private static Map<String, ProviderConfig> fromEnvironment(SocialProperties properties) {
        Map<String, ProviderConfig> out = new LinkedHashMap<>();
        properties.providers().forEach((slug, p) -> {
            Optional<ProviderKind> kind = ProviderKind.parse(p.kind() != null ? p.kind() : slug);
            if (kind.isEmpty() || p.clientId() == null || p.clientId().isBlank()) {
                log.warn("janua.oauth.providers.{}: ignored (unknown kind or no client id)", slug);
                return;
            }
            Map<String, String> settings = new LinkedHashMap<>();
            if (p.teamId() != null) settings.put("teamId", p.teamId());
            if (p.keyId() != null) settings.put("keyId", p.keyId());
            if (p.tenant() != null) settings.put("tenant", p.tenant());
            if (p.emailsUrl() != null) settings.put("emailsUrl", p.emailsUrl());
            if (p.tokenEndpointAuthMethod() != null) settings.put("tokenEndpointAuthMethod", p.tokenEndpointAuthMethod());
            String s = slug.toLowerCase(java.util.Locale.ROOT);
            out.put(s, new ProviderConfig("env_" + s, s, kind.get(), null, p.displayName(), p.enabled(), p.clientId(), p.clientSecret(),
                    p.issuer(), p.authorizationUrl(), p.tokenUrl(), p.userinfoUrl(), p.jwksUrl(), p.scopes(), p.claimMapping(), settings,
                    "environment"));
        });
        return Map.copyOf(out);
    }
}
