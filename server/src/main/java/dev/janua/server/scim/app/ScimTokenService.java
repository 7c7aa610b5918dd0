package dev.janua.server.scim.app;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.scim.domain.ScimCaller;
import dev.janua.server.scim.domain.ScimToken;
import dev.janua.server.scim.persistence.JdbcScimTokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM tokens: {@code scim_} + 256 random bits, shown once, SHA-256 at rest, bound to one
 * organization. Managed by whoever may change the organization's settings (owners, admins,
 * platform admins) — a token provisions and removes people, so it is as strong as that.
 */
@Service
public class ScimTokenService {
    private static final Duration USE_RESOLUTION = Duration.ofSeconds(60);
    private final JdbcScimTokenRepository tokens;
    private final OrganizationAccess access;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final RandomTokens random;
    private final Clock clock;

    public ScimTokenService(JdbcScimTokenRepository tokens, OrganizationAccess access, EventPublisher events, IdGenerator ids,
                            RandomTokens random, Clock clock) {
        this.tokens = tokens;
        this.access = access;
        this.events = events;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    public record Created(ScimToken token, String secret) {}

    @Transactional
    public Created create(Caller caller, String organizationId, String name, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        String label = name == null || name.isBlank() ? "SCIM" : name.trim();
        if (label.length() > 200) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "name", "reason", "too_long"));
        String secret = random.next(ScimToken.SECRET_PREFIX);
        ScimToken token = new ScimToken(ids.next("stk"), organizationId, label, secret.substring(0, 12), caller.actorId(),
                clock.instant(), null, null);
        tokens.insert(token, Hashes.sha256Hex(secret));
        events.publish(new DomainEvent("scim.token_created", token.id(), caller.actorId(), organizationId,
                Map.of("organizationId", organizationId, "tokenId", token.id(), "name", label)), client);
        return new Created(token, secret);
    }

    public List<ScimToken> list(Caller caller, String organizationId) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        return tokens.list(organizationId);
    }

    @Transactional
    public ScimToken revoke(Caller caller, String organizationId, String tokenId, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        tokens.find(organizationId, tokenId).orElseThrow(() -> JanuaException.of(ErrorCode.SCIM_TOKEN_NOT_FOUND, "tokenId", tokenId));
        if (tokens.revoke(organizationId, tokenId, clock.instant())) {
            events.publish(new DomainEvent("scim.token_revoked", tokenId, caller.actorId(), organizationId,
                    Map.of("organizationId", organizationId, "tokenId", tokenId)), client);
        }
        return tokens.find(organizationId, tokenId).orElseThrow();
    }

    /** The organization a presented secret reaches, if it is a live SCIM token. */
    public Optional<ScimCaller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(ScimToken.SECRET_PREFIX + "_") || secret.length() > 200) return Optional.empty();
        Optional<ScimToken> token = tokens.findByHash(Hashes.sha256Hex(secret)).filter(t -> !t.revoked());
        token.ifPresent(t -> {
            Instant now = clock.instant();
            tokens.touch(t.id(), now, now.minus(USE_RESOLUTION));
        });
        return token.map(t -> new ScimCaller(t.id(), t.organizationId()));
    }
}
