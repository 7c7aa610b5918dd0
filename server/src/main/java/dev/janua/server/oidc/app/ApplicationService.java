package dev.janua.server.oidc.app;

import dev.janua.server.oidc.domain.Application;
import dev.janua.server.oidc.domain.ApplicationRules;
import dev.janua.server.oidc.domain.ApplicationRules.Violation;
import dev.janua.server.oidc.domain.ApplicationType;
import dev.janua.server.oidc.domain.ClientSecrets;
import dev.janua.server.oidc.persistence.JdbcApplications;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.themes.OwnedThemes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering and changing applications. The client secret is generated here, returned once and
 * stored as a hash; every change writes its event in the same transaction (the audit log and
 * webhooks read it from there, with the application's organization). Who may call is decided by the
 * controller (platform admins; organization owners and admins for their organization's applications).
 */
@Service
public class ApplicationService {
    static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(15);
    static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(30);
    private final JdbcApplications applications;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final RandomTokens random;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OwnedThemes themes;

    public ApplicationService(JdbcApplications applications, EventPublisher events, IdGenerator ids, RandomTokens random,
                              TransactionTemplate tx, Clock clock, OwnedThemes themes) {
        this.applications = applications;
        this.themes = themes;
        this.events = events;
        this.ids = ids;
        this.random = random;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a caller may set; null means "default" on create and "unchanged" on update. */
    public record Fields(String name, String type, List<String> redirectUris, List<String> postLogoutRedirectUris,
                         List<String> grantTypes, List<String> scopes, Boolean firstParty, Integer accessTokenTtlSeconds,
                         Integer refreshTokenTtlSeconds, String organizationId) {}

    /** The application and, for types that have one, its secret — shown this once. */
    public record Registered(Application application, String clientSecret) {}

    public Registered create(Fields f, String actorId, ClientInfo client) {
        ApplicationType type = ApplicationType.parse(f.type());
        if (type == null) throw invalid("type", f.type() == null ? "required" : "unknown");
        Application a;
        String secret = type.hasSecret() ? random.next("jcs") : null;
        try {
            Set<String> grants = ApplicationRules.grants(type, f.grantTypes());
            Instant now = clock.instant();
            String id = ids.next("app");
            a = new Application(id, id, secret == null ? null : ClientSecrets.hash(secret), ApplicationRules.name(f.name()), type,
                    ApplicationRules.redirectUris("redirectUris", f.redirectUris(), grants.contains("authorization_code")),
                    ApplicationRules.redirectUris("postLogoutRedirectUris", f.postLogoutRedirectUris(), false),
                    grants, ApplicationRules.scopes(f.scopes(), grants), Boolean.TRUE.equals(f.firstParty()),
                    ttl("accessTokenTtlSeconds", f.accessTokenTtlSeconds(), DEFAULT_ACCESS_TTL, Duration.ofMinutes(1), Duration.ofHours(24)),
                    ttl("refreshTokenTtlSeconds", f.refreshTokenTtlSeconds(), DEFAULT_REFRESH_TTL, Duration.ofMinutes(5), Duration.ofDays(365)),
                    now, now, blankToNull(f.organizationId()));
        } catch (Violation v) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, v.details());
        }
        Application created = a;
        tx.executeWithoutResult(t -> {
            applications.insert(created);
            events.publish(new DomainEvent("oidc.application_created", created.id(), actorId, created.organizationId(), summary(created)), client);
        });
        return new Registered(created, secret);
    }

    public Application update(String id, Fields f, String actorId, ClientInfo client) {
        Application old = get(id);
        if (f.type() != null && ApplicationType.parse(f.type()) != old.type()) throw invalid("type", "immutable");
        String org = blankToNull(f.organizationId());
        if (org != null && !org.equals(old.organizationId())) throw invalid("organizationId", "immutable");
        Application updated;
        try {
            Set<String> grants = f.grantTypes() == null ? old.grantTypes() : ApplicationRules.grants(old.type(), f.grantTypes());
            updated = new Application(old.id(), old.clientId(), old.secretHash(),
                    f.name() == null ? old.name() : ApplicationRules.name(f.name()), old.type(),
                    f.redirectUris() == null ? old.redirectUris()
                            : ApplicationRules.redirectUris("redirectUris", f.redirectUris(), grants.contains("authorization_code")),
                    f.postLogoutRedirectUris() == null ? old.postLogoutRedirectUris()
                            : ApplicationRules.redirectUris("postLogoutRedirectUris", f.postLogoutRedirectUris(), false),
                    grants, f.scopes() == null ? old.scopes() : ApplicationRules.scopes(f.scopes(), grants),
                    f.firstParty() == null ? old.firstParty() : f.firstParty(),
                    ttl("accessTokenTtlSeconds", f.accessTokenTtlSeconds(), old.accessTokenTtl(), Duration.ofMinutes(1), Duration.ofHours(24)),
                    ttl("refreshTokenTtlSeconds", f.refreshTokenTtlSeconds(), old.refreshTokenTtl(), Duration.ofMinutes(5), Duration.ofDays(365)),
                    old.createdAt(), clock.instant(), old.organizationId());
            if (updated.grantTypes().contains("authorization_code") && updated.redirectUris().isEmpty()) {
                throw new Violation("redirectUris", "required");
            }
        } catch (Violation v) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, v.details());
        }
        Application result = updated;
        tx.executeWithoutResult(t -> {
            if (!applications.update(result)) throw notFound();
            events.publish(new DomainEvent("oidc.application_updated", result.id(), actorId, result.organizationId(), summary(result)), client);
        });
        return result;
    }

    public void delete(String id, String actorId, ClientInfo client) {
        Application a = get(id);
        tx.executeWithoutResult(t -> {
            if (!applications.delete(id)) throw notFound();
            themes.ownerDeleted(id);
            events.publish(new DomainEvent("oidc.application_deleted", id, actorId, a.organizationId(), summary(a)), client);
        });
    }

    public Registered rotateSecret(String id, String actorId, ClientInfo client) {
        Application a = get(id);
        if (!a.type().hasSecret()) throw invalid("type", "public_applications_have_no_secret");
        String secret = random.next("jcs");
        tx.executeWithoutResult(t -> {
            if (!applications.replaceSecret(id, ClientSecrets.hash(secret), clock.instant())) throw notFound();
            events.publish(new DomainEvent("oidc.application_secret_rotated", id, actorId, a.organizationId(), Map.of("applicationId", id)), client);
        });
        return new Registered(get(id), secret);
    }

    public Application get(String id) {
        if (id == null || id.length() > 100) throw notFound();
        return applications.find(id).orElseThrow(ApplicationService::notFound);
    }

    /** An application, or empty (for callers who must not learn whether an id exists). */
    public java.util.Optional<Application> find(String id) {
        if (id == null || id.length() > 100) return java.util.Optional.empty();
        return applications.find(id);
    }

    /** All applications, or one organization's when {@code organizationId} is given. */
    public Page<Application> list(String organizationId, PageRequest page) {
        return Page.fromRows(applications.list(organizationId, page.after(), page.limit()), page, Application::id, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Duration ttl(String field, Integer seconds, Duration fallback, Duration min, Duration max) {
        return ApplicationRules.ttl(field, seconds, fallback, min, max);
    }

    private static Map<String, Object> summary(Application a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", a.id());
        m.put("name", a.name());
        m.put("type", a.type().wireName());
        m.put("redirectUris", a.redirectUris());
        m.put("grantTypes", List.copyOf(a.grantTypes()));
        m.put("scopes", List.copyOf(a.scopes()));
        m.put("firstParty", a.firstParty());
        if (a.organizationId() != null) m.put("organizationId", a.organizationId());
        return m;
    }

    private static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }

    private static JanuaException notFound() {
        return JanuaException.of(ErrorCode.NOT_FOUND, "resource", "application");
    }
}
