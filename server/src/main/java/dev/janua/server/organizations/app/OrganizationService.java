package dev.janua.server.organizations.app;

import dev.janua.server.organizations.Membership;
import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.organizations.OrganizationSettings;
import dev.janua.server.organizations.app.OrganizationCommands.OrganizationDraft;
import dev.janua.server.organizations.app.OrganizationCommands.SettingsDraft;
import dev.janua.server.organizations.domain.OrganizationRules;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.rbac.SystemRole;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.themes.OwnedThemes;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organization writes: create (the creator becomes owner), update, delete, and self-signup. */
@Service
public class OrganizationService {
    private final JdbcOrganizationRepository organizations;
    private final JdbcMemberRepository members;
    private final OrganizationAccess access;
    private final RoleDirectory roles;
    private final UserDirectory users;
    private final PlatformAdmins admins;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final RandomTokens random;
    private final Clock clock;
    private final OwnedThemes themes;

    public OrganizationService(JdbcOrganizationRepository organizations, JdbcMemberRepository members, OrganizationAccess access,
                               RoleDirectory roles, UserDirectory users, PlatformAdmins admins, EventPublisher events,
                               IdGenerator ids, RandomTokens random, Clock clock, OwnedThemes themes) {
        this.organizations = organizations;
        this.themes = themes;
        this.members = members;
        this.access = access;
        this.roles = roles;
        this.users = users;
        this.admins = admins;
        this.events = events;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /**
     * A user creates an organization and becomes its owner. A platform-scoped API key with
     * {@code organizations:write} may create one for a chosen {@code ownerId}.
     */
    @Transactional
    public Organization create(Caller caller, OrganizationDraft d, ClientInfo client) {
        String ownerId = owner(caller, d.ownerId());
        String name = OrganizationRules.name(d.name());
        String slug = d.slug() == null || d.slug().isBlank() ? freeSlug(OrganizationRules.slugFromName(name)) : OrganizationRules.slug(d.slug());
        if (organizations.slugTaken(slug)) throw JanuaException.of(ErrorCode.SLUG_ALREADY_EXISTS, "slug", slug);
        OrganizationSettings settings = settings(null, OrganizationSettings.defaults(), d.settings());
        Instant now = clock.instant();
        Organization org = new Organization(ids.next("org"), name, slug, OrganizationRules.text("description", d.description(), 2000),
                OrganizationRules.domain("domain", d.domain()), OrganizationRules.url("logoUrl", d.logoUrl()),
                OrganizationRules.email("billingEmail", d.billingEmail()), settings, caller.actorId(), now, now);
        try {
            organizations.insert(org);
        } catch (DuplicateKeyException e) {
            throw JanuaException.of(ErrorCode.SLUG_ALREADY_EXISTS, "slug", slug);
        }
        Membership owner = new Membership(org.id(), ownerId, SystemRole.OWNER.id(), List.of(), now, now);
        members.insert(owner, caller.actorId());
        events.publish(new DomainEvent("organization.created", org.id(), caller.actorId(), org.id(),
                Map.of("organization", summary(org), "ownerId", ownerId)), client);
        events.publish(memberAdded(owner, SystemRole.OWNER.key(), caller.actorId(), "created"), client);
        return org;
    }

    @Transactional
    public Organization update(Caller caller, String organizationId, OrganizationDraft d, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        Organization before = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        String slug = before.slug();
        if (d.slug() != null && !d.slug().isBlank() && !OrganizationRules.slug(d.slug()).equals(before.slug())) {
            slug = OrganizationRules.slug(d.slug());
            if (organizations.slugTaken(slug)) throw JanuaException.of(ErrorCode.SLUG_ALREADY_EXISTS, "slug", slug);
        }
        Organization after = new Organization(before.id(), d.name() == null ? before.name() : OrganizationRules.name(d.name()), slug,
                d.description() == null ? before.description() : OrganizationRules.text("description", d.description(), 2000),
                d.domain() == null ? before.domain() : OrganizationRules.domain("domain", d.domain()),
                d.logoUrl() == null ? before.logoUrl() : OrganizationRules.url("logoUrl", d.logoUrl()),
                d.billingEmail() == null ? before.billingEmail() : OrganizationRules.email("billingEmail", d.billingEmail()),
                settings(organizationId, before.settings(), d.settings()), before.createdBy(), before.createdAt(), clock.instant());
        try {
            organizations.update(after);
        } catch (DuplicateKeyException e) {
            throw JanuaException.of(ErrorCode.SLUG_ALREADY_EXISTS, "slug", slug);
        }
        events.publish(new DomainEvent("organization.updated", organizationId, caller.actorId(), organizationId,
                Map.of("organization", summary(after), "previousData", summary(before))), client);
        return after;
    }

    /** Owners only (and platform admins): deleting takes every membership, invitation, role and key with it. */
    @Transactional
    public void delete(Caller caller, String organizationId, ClientInfo client) {
        Access a = access.resolve(caller, organizationId);
        if (caller.isApiKey() || !(a.isOwner() || Access.PLATFORM_ADMIN.equals(a.source()))) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", SystemRole.OWNER.key()));
        }
        Organization org = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        organizations.delete(organizationId);
        themes.ownerDeleted(organizationId);
        events.publish(new DomainEvent("organization.deleted", organizationId, caller.actorId(), organizationId,
                Map.of("organization", summary(org))), client);
    }

    /**
     * Self-signup: with {@code allowSelfSignup}, a user whose email domain the organization allows
     * joins with its default role. Organizations closed to self-signup answer as if absent.
     */
    @Transactional
    public Membership join(Caller caller, String organizationId, ClientInfo client) {
        Organization org = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        if (!org.settings().allowSelfSignup()) throw AccessService.notFound(organizationId);
        User user = users.findById(caller.userId()).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        if (!org.settings().allowsEmail(user.email())) {
            throw JanuaException.of(ErrorCode.DOMAIN_NOT_ALLOWED, "allowedDomains", org.settings().allowedDomains());
        }
        if (org.settings().requireEmailVerification() && !user.emailVerified()) {
            throw JanuaException.of(ErrorCode.EMAIL_NOT_VERIFIED, "reason", "organization_requires_verified_email");
        }
        if (members.find(organizationId, user.id()).isPresent()) throw new JanuaException(ErrorCode.MEMBER_ALREADY_EXISTS);
        String roleId = roles.find(organizationId, org.settings().defaultRole()).map(r -> r.id()).orElse(SystemRole.MEMBER.id());
        Instant now = clock.instant();
        Membership m = new Membership(organizationId, user.id(), roleId, List.of(), now, now);
        members.insert(m, user.id());
        events.publish(memberAdded(m, org.settings().defaultRole(), user.id(), "self_signup"), client);
        return m;
    }

    private String owner(Caller caller, String requestedOwnerId) {
        if (!caller.isApiKey()) return caller.userId();
        admins.require(caller, PermissionCatalogue.ORGANIZATIONS_WRITE);
        if (requestedOwnerId == null || requestedOwnerId.isBlank()) throw OrganizationRules.invalid("ownerId", "required");
        return users.findById(requestedOwnerId).map(User::id)
                .orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "ownerId", requestedOwnerId));
    }

    private String freeSlug(String base) {
        if (!organizations.slugTaken(base)) return base;
        return base + "-" + HexFormat.of().formatHex(random.bytes(3));
    }

    /** Merges a settings draft over the current settings and validates the result. */
    private OrganizationSettings settings(String organizationId, OrganizationSettings current, SettingsDraft d) {
        if (d == null) return current;
        String defaultRole = current.defaultRole();
        if (d.defaultRole() != null) {
            var role = roles.find(organizationId, d.defaultRole())
                    .orElseThrow(() -> OrganizationRules.invalid("settings.defaultRole", "unknown_role"));
            if (SystemRole.OWNER.id().equals(role.id())) throw OrganizationRules.invalid("settings.defaultRole", "owner_not_allowed");
            defaultRole = role.key();
        }
        Integer timeout = d.sessionTimeout() == null ? current.sessionTimeout()
                : d.sessionTimeout() == 0 ? null : OrganizationRules.sessionTimeout(d.sessionTimeout());
        return new OrganizationSettings(
                d.allowSelfSignup() == null ? current.allowSelfSignup() : d.allowSelfSignup(),
                d.requireEmailVerification() == null ? current.requireEmailVerification() : d.requireEmailVerification(),
                defaultRole,
                d.ssoRequired() == null ? current.ssoRequired() : d.ssoRequired(),
                d.mfaRequired() == null ? current.mfaRequired() : d.mfaRequired(),
                timeout,
                d.allowedDomains() == null ? current.allowedDomains() : OrganizationRules.domains(d.allowedDomains()),
                d.allowedIpRanges() == null ? current.allowedIpRanges() : OrganizationRules.ipRanges(d.allowedIpRanges()));
    }

    static DomainEvent memberAdded(Membership m, String roleKey, String actorId, String via) {
        return new DomainEvent("organization.member_added", m.userId(), actorId, m.organizationId(),
                Map.of("organizationId", m.organizationId(), "userId", m.userId(), "role", roleKey, "via", via));
    }

    static Map<String, Object> summary(Organization o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("name", o.name());
        m.put("slug", o.slug());
        m.put("domain", o.domain());
        m.put("settings", o.settings());
        return m;
    }
}
