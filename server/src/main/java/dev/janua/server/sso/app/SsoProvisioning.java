package dev.janua.server.sso.app;

import dev.janua.server.organizations.MemberProvisioning;
import dev.janua.server.organizations.Membership;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sso.domain.AttributeMapping.MappedProfile;
import dev.janua.server.sso.domain.DomainNames;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.persistence.JdbcSsoDomains;
import dev.janua.server.sso.persistence.JdbcSsoIdentities;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an IdP-asserted person is in Janua, and keeping that in step on every sign-in. The account is
 * found by the IdP subject linked before, else by email; an email counts only under a domain this
 * organization verified — so one organization's IdP can never sign in to an account whose address
 * another party controls. Unknown people are created just in time (when the connection allows it),
 * join with the role their groups map to (else the default role), and names and role follow the IdP
 * on each sign-in. Accounts and memberships go through the users and organizations modules, so their
 * rules and events are the usual ones; owners' roles are never touched ({@link MemberProvisioning}).
 */
@Service
public class SsoProvisioning {
    private final UserDirectory users;
    private final MemberProvisioning members;
    private final JdbcSsoDomains domains;
    private final JdbcSsoIdentities identities;
    private final EventPublisher events;
    private final Clock clock;

    public SsoProvisioning(UserDirectory users, MemberProvisioning members, JdbcSsoDomains domains, JdbcSsoIdentities identities,
                           EventPublisher events, Clock clock) {
        this.users = users;
        this.members = members;
        this.domains = domains;
        this.identities = identities;
        this.events = events;
        this.clock = clock;
    }

    public record Provisioned(User user, boolean createdAccount, boolean joined) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public Provisioned provision(SsoConnection c, MappedProfile p, ClientInfo client) {
        String org = c.organizationId();
        if (p.email() == null) throw new JanuaException(ErrorCode.SSO_EMAIL_MISSING);
        String domain = DomainNames.ofEmail(p.email()).orElseThrow(() -> new JanuaException(ErrorCode.SSO_EMAIL_MISSING));
        if (!domains.verifiedOwner(domain).map(org::equals).orElse(false)) {
            throw JanuaException.of(ErrorCode.SSO_DOMAIN_NOT_VERIFIED, "domain", domain);
        }
        Optional<User> linked = identities.userFor(org, p.subject()).flatMap(users::findById);
        Optional<User> account = linked.isPresent() ? linked : users.findByEmail(p.email());
        boolean created = false;
        User user;
        if (account.isPresent()) {
            user = account.get();
        } else {
            if (!c.jitProvisioning()) throw new JanuaException(ErrorCode.SSO_USER_NOT_PROVISIONED);
            // the IdP vouches for the mailbox and the organization proved it owns the domain: verified
            user = users.create(new NewUser(p.email(), null, p.firstName(), p.lastName(), null, Map.of(), true, false), null, client);
            created = true;
        }
        if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
        if (!user.emailVerified() && user.email().equalsIgnoreCase(p.email())) users.markEmailVerified(user.id(), client);
        String role = GroupRoles.roleFor(c, p.groups());
        Optional<Membership> membership = members.find(org, user.id());
        boolean joined = false;
        if (membership.isEmpty()) {
            if (!c.jitProvisioning()) throw new JanuaException(ErrorCode.SSO_USER_NOT_PROVISIONED);
            members.join(org, user.id(), role, null, "sso", client);
            joined = true;
        } else if (c.updateOnSignIn() && !c.groupRoleMapping().isEmpty()) {
            members.assignRole(org, user.id(), role, null, client);
        }
        if (!created && c.updateOnSignIn()) user = updateNames(user, p, client);
        identities.link(org, p.subject(), user.id(), clock.instant());
        if (created) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("organizationId", org);
            data.put("userId", user.id());
            data.put("email", user.email());
            data.put("connectionId", c.id());
            data.put("protocol", c.protocol().wire());
            data.put("role", role);
            events.publish(new DomainEvent("sso.user_provisioned", user.id(), null, org, data), client);
        }
        return new Provisioned(user, created, joined);
    }

    private User updateNames(User user, MappedProfile p, ClientInfo client) {
        String first = p.firstName() != null && !Objects.equals(p.firstName(), user.firstName()) ? p.firstName() : null;
        String last = p.lastName() != null && !Objects.equals(p.lastName(), user.lastName()) ? p.lastName() : null;
        if (first == null && last == null) return user;
        return users.updateProfile(user.id(), new ProfileChange(first, last, null, null, null, null, null, null, null), null, client);
    }
}
