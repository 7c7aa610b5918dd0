package dev.janua.server.graphql.web;

import dev.janua.server.audit.AuditEntry;
import dev.janua.server.organizations.app.InvitationView;
import dev.janua.server.organizations.app.Member;
import dev.janua.server.organizations.app.OrganizationView;
import dev.janua.server.organizations.app.PermissionChecks.UserRole;
import dev.janua.server.organizations.app.RoleAdministration.CountedRole;
import dev.janua.server.rbac.Role;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.domain.DeviceInfo;
import dev.janua.server.sessions.domain.UserAgentParser;
import dev.janua.server.users.User;
import dev.janua.server.webhooks.domain.Endpoint;
import java.time.Instant;
import java.util.List;

/** The GraphQL types of schema.graphqls as records: fields by the same names, timestamps ISO-8601. */
final class GraphQlViews {
    private GraphQlViews() {}

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    record UserNode(String id, String email, String username, String firstName, String lastName, String phoneNumber,
                    String profileImageUrl, String bio, String timezone, String locale, boolean emailVerified,
                    boolean mfaEnabled, boolean isAdmin, String status, String createdAt, String updatedAt, String lastSignInAt) {
        static UserNode of(User u) {
            return new UserNode(u.id(), u.email(), u.username(), u.firstName(), u.lastName(), u.phoneNumber(), u.profileImageUrl(),
                    u.bio(), u.timezone(), u.locale(), u.emailVerified(), u.mfaEnabled(), u.admin(), u.status().wire(),
                    time(u.createdAt()), time(u.updatedAt()), time(u.lastSignInAt()));
        }
    }

    record UserOrganization(String id, String name, String slug, String role, String roleName, List<String> permissions) {
        static UserOrganization of(UserRole r) {
            return new UserOrganization(r.organizationId(), r.organizationName(), r.organizationSlug(), r.role(), r.roleName(),
                    r.permissions());
        }
    }

    record SessionNode(String id, String deviceInfo, String deviceType, String browser, String os, String location,
                       String ipAddress, String authMethod, boolean isCurrent, String createdAt, String lastActiveAt,
                       String expiresAt) {
        static SessionNode of(Session s, String currentSessionId) {
            DeviceInfo d = UserAgentParser.parse(s.userAgent());
            return new SessionNode(s.id(), d.label(), d.deviceType(), d.browser(), d.os(), null, s.ipAddress(), s.authMethod(),
                    s.id().equals(currentSessionId), time(s.createdAt()), time(s.lastActiveAt()), time(s.expiresAt()));
        }
    }

    record OrganizationNode(String id, String name, String slug, String description, String domain, String logoUrl,
                            long memberCount, String role, List<String> permissions, String createdAt, String updatedAt) {
        static OrganizationNode of(OrganizationView o) {
            return new OrganizationNode(o.id(), o.name(), o.slug(), o.description(), o.domain(), o.logoUrl(), o.memberCount(),
                    o.userRole(), o.userPermissions(), time(o.createdAt()), time(o.updatedAt()));
        }
    }

    /** Not configured until the SSO module lands: the shape the seed shows, switched off. */
    record SsoConfiguration(String provider, boolean enabled, List<String> domains) {
        static final SsoConfiguration NONE = new SsoConfiguration(null, false, List.of());
    }

    record MemberUser(String id, String email, String username, String firstName, String lastName, String profileImageUrl,
                      String status, boolean emailVerified) {}

    record MemberNode(MemberUser user, String role, String roleName, List<String> permissions, String joinedAt,
                      String lastActiveAt) {
        static MemberNode of(Member m) {
            return new MemberNode(new MemberUser(m.userId(), m.email(), m.username(), m.firstName(), m.lastName(),
                    m.profileImageUrl(), m.status(), m.emailVerified()), m.role(), m.roleName(), m.permissions(),
                    time(m.joinedAt()), time(m.lastActiveAt()));
        }
    }

    record RoleNode(String id, String key, String name, String description, List<String> permissions, boolean isSystem,
                    Long memberCount) {
        static RoleNode of(CountedRole c) {
            Role r = c.role();
            return new RoleNode(r.id(), r.key(), r.name(), r.description(), r.permissions(), r.system(), c.memberCount());
        }
    }

    record InvitationNode(String id, String organizationId, String email, String role, String status, String expiresAt,
                          String createdAt) {
        static InvitationNode of(InvitationView v) {
            return new InvitationNode(v.id(), v.organizationId(), v.email(), v.role(), v.status(), time(v.expiresAt()),
                    time(v.createdAt()));
        }
    }

    record AuditLogNode(String id, long position, String eventType, String timestamp, String userId, String actorId,
                        String organizationId, String ipAddress, String userAgent) {
        static AuditLogNode of(AuditEntry e) {
            return new AuditLogNode(e.id(), e.position(), e.eventType(), time(e.timestamp()), e.userId(), e.actorId(),
                    e.organizationId(), e.ipAddress(), e.userAgent());
        }
    }

    record WebhookNode(String id, String url, String description, List<String> events, String organizationId, boolean active,
                       String createdAt) {
        static WebhookNode of(Endpoint e) {
            return new WebhookNode(e.id(), e.url(), e.description(), e.events(), e.organizationId(), e.active(), time(e.createdAt()));
        }
    }

    record UserError(String field, String message, String code) {}

    record CreateUserPayload(UserNode user, boolean success, List<UserError> errors) {}
}
