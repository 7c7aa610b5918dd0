package dev.janua.server.organizations.app;

import dev.janua.server.notifications.Mailer;
import dev.janua.server.organizations.Invitations;
import dev.janua.server.organizations.Membership;
import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.organizations.domain.GrantRules;
import dev.janua.server.organizations.domain.Invitation;
import dev.janua.server.organizations.persistence.JdbcInvitationRepository;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
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
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.Role;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.domain.EmailAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: create and email a single-use link, list, revoke, resend, accept. The secret is
 * 256 random bits kept as SHA-256; accepting is one conditional UPDATE, so of any number of
 * concurrent accepts exactly one makes a membership.
 */
@Service
public class InvitationService implements Invitations {
    static final Duration DEFAULT_TTL = Duration.ofDays(7);
    static final Duration MIN_TTL = Duration.ofHours(1);
    static final Duration MAX_TTL = Duration.ofDays(30);
    private static final Set<String> STATUSES = Set.of(Invitation.PENDING, Invitation.ACCEPTED, Invitation.REVOKED, Invitation.EXPIRED);

    private final JdbcInvitationRepository invitations;
    private final JdbcOrganizationRepository organizations;
    private final JdbcMemberRepository members;
    private final AccessService access;
    private final OrganizationRoles roles;
    private final UserDirectory users;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final RandomTokens random;
    private final Clock clock;

    public InvitationService(JdbcInvitationRepository invitations, JdbcOrganizationRepository organizations,
                             JdbcMemberRepository members, AccessService access, OrganizationRoles roles, UserDirectory users,
                             Mailer mailer, PublicUrl publicUrl, EventPublisher events, IdGenerator ids, RandomTokens random,
                             Clock clock) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.roles = roles;
        this.users = users;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.events = events;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    /** {@code expiresIn} in seconds (1 hour to 30 days, default 7 days, SECURITY.md). */
    public record InvitationDraft(String email, String role, String customRole, List<String> permissions, String message,
                                  Long expiresIn) {}

    @Transactional
    public InvitationView create(Caller caller, String organizationId, InvitationDraft d, Locale locale, ClientInfo client) {
        Access a = access.require(caller, organizationId, PermissionCatalogue.MEMBERS_INVITE);
        Organization org = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        String email = EmailAddress.requireValid(d.email());
        String normalized = EmailAddress.normalize(email);
        if (!org.settings().allowsEmail(email)) {
            throw JanuaException.of(ErrorCode.DOMAIN_NOT_ALLOWED, "allowedDomains", org.settings().allowedDomains());
        }
        Role role = roles.chosen(organizationId, d.role(), d.customRole(), org.settings().defaultRole());
        List<String> extra = PermissionCatalogue.validate(d.permissions(), false, "permissions");
        GrantRules.requireMayGrant(a, role.id(), role.permissionSet().plus(extra));
        Instant now = clock.instant();
        if (members.emailIsMember(organizationId, normalized)) throw JanuaException.of(ErrorCode.MEMBER_ALREADY_EXISTS, "email", email);
        if (invitations.pendingExists(organizationId, normalized, now)) {
            throw JanuaException.of(ErrorCode.INVITATION_ALREADY_PENDING, "email", email);
        }
        Duration ttl = ttl(d.expiresIn());
        String message = d.message() == null || d.message().isBlank() ? null : d.message().trim();
        if (message != null && message.length() > 2000) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "message", "reason", "too_long"));
        }
        Invitation inv = new Invitation(ids.next("inv"), organizationId, email, role.id(), extra, message, Invitation.PENDING,
                caller.actorId(), now, now.plus(ttl), (int) ttl.toSeconds(), 1, now, null, null, null);
        String token = random.next("inv");
        invitations.insert(inv, normalized, Hashes.sha256Hex(token));
        events.publish(event("organization.invitation_created", inv, role, caller.actorId()), client);
        send(org, inv, role, token, caller, locale);
        return view(inv, role, now);
    }

    public Page<InvitationView> list(Caller caller, String organizationId, String status, PageRequest page) {
        access.require(caller, organizationId, PermissionCatalogue.MEMBERS_INVITE);
        String s = Invitation.normalizeStatus(status);
        if (s != null && !STATUSES.contains(s)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "status", "reason", "unknown_status"));
        }
        Instant now = clock.instant();
        Map<String, Role> byId = roles.byId(organizationId);
        List<Invitation> rows = invitations.list(organizationId, s, now, page);
        return Page.fromRows(rows, page, Invitation::id, invitations.count(organizationId, s, now))
                .map(i -> view(i, byId.get(i.roleId()), now));
    }

    public InvitationView get(Caller caller, String organizationId, String invitationId) {
        access.require(caller, organizationId, PermissionCatalogue.MEMBERS_INVITE);
        Invitation inv = find(organizationId, invitationId);
        return view(inv, roles.byId(organizationId).get(inv.roleId()), clock.instant());
    }

    @Transactional
    public InvitationView revoke(Caller caller, String organizationId, String invitationId, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.MEMBERS_INVITE);
        Invitation inv = find(organizationId, invitationId);
        Instant now = clock.instant();
        if (!invitations.markRevoked(organizationId, invitationId, caller.actorId(), now)) throw unusable(inv, now);
        Role role = roles.byId(organizationId).get(inv.roleId());
        events.publish(event("organization.invitation_revoked", inv, role, caller.actorId()), client);
        return view(find(organizationId, invitationId), role, now);
    }

    /** A new secret and a new expiry (the original lifetime from now); the previous link stops working. */
    @Transactional
    public InvitationView resend(Caller caller, String organizationId, String invitationId, Locale locale, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.MEMBERS_INVITE);
        Organization org = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        Invitation inv = find(organizationId, invitationId);
        Instant now = clock.instant();
        if (!Invitation.PENDING.equals(inv.status())) throw unusable(inv, now);
        String token = random.next("inv");
        invitations.rearm(organizationId, invitationId, Hashes.sha256Hex(token), now, now.plusSeconds(inv.ttlSeconds()));
        Invitation rearmed = find(organizationId, invitationId);
        Role role = roles.byId(organizationId).get(inv.roleId());
        events.publish(event("organization.invitation_resent", rearmed, role, caller.actorId()), client);
        send(org, rearmed, role, token, caller, locale);
        return view(rearmed, role, now);
    }

    @Override
    public Pending pending(String rawToken) {
        Invitation inv = byToken(rawToken);
        Instant now = clock.instant();
        if (!Invitation.PENDING.equals(inv.statusAt(now))) throw unusable(inv, now);
        Organization org = organizations.find(inv.organizationId()).orElseThrow(() -> new JanuaException(ErrorCode.INVITATION_NOT_FOUND));
        Role role = roles.byId(inv.organizationId()).get(inv.roleId());
        return new Pending(inv.id(), org.id(), org.name(), inv.email(), role == null ? inv.roleId() : role.key(), inv.invitedBy(),
                inv.expiresAt());
    }

    @Override
    @Transactional
    public Accepted accept(String rawToken, String userId, ClientInfo client) {
        Invitation inv = byToken(rawToken);
        Instant now = clock.instant();
        if (!Invitation.PENDING.equals(inv.statusAt(now))) throw unusable(inv, now);
        User user = users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        if (!EmailAddress.normalize(user.email()).equals(EmailAddress.normalize(inv.email()))) {
            throw new JanuaException(ErrorCode.INVITATION_EMAIL_MISMATCH);
        }
        Organization org = organizations.find(inv.organizationId()).orElseThrow(() -> new JanuaException(ErrorCode.INVITATION_NOT_FOUND));
        if (!org.settings().allowsEmail(user.email())) {
            throw JanuaException.of(ErrorCode.DOMAIN_NOT_ALLOWED, "allowedDomains", org.settings().allowedDomains());
        }
        if (!invitations.markAccepted(inv.id(), Hashes.sha256Hex(rawToken.trim()), userId, now)) {
            throw unusable(invitations.find(inv.organizationId(), inv.id()).orElse(inv), now);
        }
        // A custom role deleted since the invitation was sent: the organization's default role instead.
        Map<String, Role> byId = roles.byId(org.id());
        Role role = byId.containsKey(inv.roleId()) ? byId.get(inv.roleId()) : roles.resolve(org.id(), org.settings().defaultRole());
        Membership m = new Membership(org.id(), userId, role.id(), inv.permissions(), now, now);
        try {
            members.insert(m, inv.invitedBy());
        } catch (DuplicateKeyException e) {
            throw JanuaException.of(ErrorCode.MEMBER_ALREADY_EXISTS, "organizationId", org.id());
        }
        // The link reached this mailbox: the address is proven.
        if (!user.emailVerified()) users.markEmailVerified(userId, client);
        events.publish(event("organization.invitation_accepted", inv, role, userId), client);
        events.publish(OrganizationService.memberAdded(m, role.key(), userId, "invitation"), client);
        return new Accepted(inv.id(), new OrganizationRef(org.id(), org.name(), org.slug()), role.key(), role.id(),
                role.permissionSet().plus(inv.permissions()).listed(), now);
    }

    private Invitation byToken(String rawToken) {
        if (rawToken == null || rawToken.isBlank() || rawToken.length() > 200) throw new JanuaException(ErrorCode.INVITATION_NOT_FOUND);
        return invitations.findByTokenHash(Hashes.sha256Hex(rawToken.trim()))
                .orElseThrow(() -> new JanuaException(ErrorCode.INVITATION_NOT_FOUND));
    }

    private Invitation find(String organizationId, String invitationId) {
        return invitations.find(organizationId, invitationId)
                .orElseThrow(() -> JanuaException.of(ErrorCode.INVITATION_NOT_FOUND, "invitationId", invitationId));
    }

    private static JanuaException unusable(Invitation inv, Instant now) {
        return switch (inv.statusAt(now)) {
            case Invitation.ACCEPTED -> JanuaException.of(ErrorCode.INVITATION_ALREADY_ACCEPTED, "invitationId", inv.id());
            case Invitation.REVOKED -> JanuaException.of(ErrorCode.INVITATION_REVOKED, "invitationId", inv.id());
            case Invitation.EXPIRED -> JanuaException.of(ErrorCode.INVITATION_EXPIRED, "invitationId", inv.id());
            default -> new JanuaException(ErrorCode.CONFLICT, Map.of("invitationId", inv.id()));
        };
    }

    private static Duration ttl(Long seconds) {
        if (seconds == null) return DEFAULT_TTL;
        Duration d = Duration.ofSeconds(seconds);
        if (d.compareTo(MIN_TTL) < 0 || d.compareTo(MAX_TTL) > 0) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "expiresIn", "reason", "out_of_range",
                    "min", MIN_TTL.toSeconds(), "max", MAX_TTL.toSeconds()));
        }
        return d;
    }

    private void send(Organization org, Invitation inv, Role role, String token, Caller caller, Locale locale) {
        String inviter = caller.isApiKey() ? org.name() : users.findById(caller.userId()).map(User::displayName).orElse(org.name());
        String link = publicUrl.base() + "/hosted/invitation?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("organization", org.name());
        vars.put("inviter", inviter);
        vars.put("role", role.name());
        vars.put("message", inv.message() == null ? "" : inv.message());
        vars.put("link", link);
        vars.put("token", token);
        vars.put("endpoint", publicUrl.base() + "/api/v1/invitations/accept");
        long seconds = Duration.between(clock.instant(), inv.expiresAt()).toSeconds();
        vars.put("days", String.valueOf(Math.max(1, (seconds + 86_399) / 86_400)));
        mailer.send("organization_invitation", locale, inv.email(), vars);
    }

    private static DomainEvent event(String type, Invitation inv, Role role, String actorId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invitationId", inv.id());
        data.put("organizationId", inv.organizationId());
        data.put("email", inv.email());
        data.put("role", role == null ? inv.roleId() : role.key());
        data.put("expiresAt", inv.expiresAt().toString());
        return new DomainEvent(type, inv.id(), actorId, inv.organizationId(), data);
    }

    private static InvitationView view(Invitation i, Role role, Instant now) {
        return new InvitationView(i.id(), i.id(), i.organizationId(), i.email(), role == null ? i.roleId() : role.key(), i.roleId(),
                i.permissions(), i.message(), i.statusAt(now), i.invitedBy(), i.createdAt(), i.expiresAt(), i.sentCount(),
                i.lastSentAt(), i.acceptedAt(), i.acceptedBy(), i.revokedAt());
    }
}
