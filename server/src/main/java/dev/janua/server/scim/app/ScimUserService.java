package dev.janua.server.scim.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.janua.server.organizations.MemberProvisioning;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.scim.domain.Patches;
import dev.janua.server.scim.domain.ScimCaller;
import dev.janua.server.scim.domain.ScimProblem;
import dev.janua.server.scim.domain.ScimUser;
import dev.janua.server.scim.domain.UserResources;
import dev.janua.server.scim.domain.UserResources.UserInput;
import dev.janua.server.scim.domain.Versions;
import dev.janua.server.scim.persistence.JdbcScimGroupRepository;
import dev.janua.server.scim.persistence.JdbcScimUserRepository;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.User;
import dev.janua.server.users.UserAdministration;
import dev.janua.server.users.UserAdministration.AdminChange;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.domain.EmailAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM writes on Users (RFC 7644 §3.3, §3.5, §3.6), mapped onto Janua: the account through the users
 * module, the membership through the organizations module, sessions through the sessions module.
 * Each request is one transaction with its events, so a failure (a uniqueness race, a PATCH
 * operation that does not apply) leaves nothing behind.
 *
 * <p>Deactivating ({@code active=false}) removes the membership and ends the user's sessions at once;
 * an account this directory created and that belongs to no other organization is also suspended.
 * DELETE removes the membership; such an account is deleted.
 */
@Service
public class ScimUserService {
    static final String DEACTIVATED = "scim_deactivated";
    private final JdbcScimUserRepository scimUsers;
    private final JdbcScimGroupRepository groups;
    private final UserDirectory users;
    private final UserAdministration userAdmin;
    private final MemberProvisioning members;
    private final SessionDirectory sessions;
    private final RoleSync roleSync;
    private final ScimUserQueries queries;
    private final EventPublisher events;
    private final Clock clock;

    public ScimUserService(JdbcScimUserRepository scimUsers, JdbcScimGroupRepository groups, UserDirectory users,
                           UserAdministration userAdmin, MemberProvisioning members, SessionDirectory sessions, RoleSync roleSync,
                           ScimUserQueries queries, EventPublisher events, Clock clock) {
        this.scimUsers = scimUsers;
        this.groups = groups;
        this.users = users;
        this.userAdmin = userAdmin;
        this.members = members;
        this.sessions = sessions;
        this.roleSync = roleSync;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ObjectNode create(ScimCaller caller, JsonNode body, ClientInfo client) {
        UserInput in = UserResources.read(body);
        String org = caller.organizationId();
        if (scimUsers.findByUserName(org, in.userName()).isPresent()) throw ScimProblem.conflict("userName is already taken");
        String email = requireEmail(in.email());
        Optional<User> existing = users.findByEmail(email);
        boolean createdAccount = existing.isEmpty();
        User account;
        if (existing.isPresent()) {
            // An account that exists outside the organization belongs to its owner: a directory may not claim it
            // (that would impose the organization's policies without consent); invite it instead.
            account = existing.get();
            if (members.find(org, account.id()).isEmpty() || scimUsers.find(org, account.id()).isPresent()) {
                throw ScimProblem.conflict("An account with this email already exists");
            }
        } else {
            try {
                account = users.create(new NewUser(email, null, in.givenName(), in.familyName(), null, Map.of(), false, false),
                        caller.tokenId(), client);
            } catch (JanuaException e) {
                throw translate(e);
            }
        }
        Instant now = clock.instant();
        ScimUser u = new ScimUser(org, account.id(), in.userName(), in.externalId(), in.displayName(), in.activeOrDefault(),
                in.employeeNumber(), in.department(), in.managerId(), createdAccount, now, now);
        // Joining first: it locks the organization row (FOR UPDATE), and it must do so before this transaction
        // inserts a row referencing the organization, whose foreign-key check takes a KEY SHARE lock on it —
        // in the other order two concurrent creates in one organization deadlock on PostgreSQL.
        if (u.active()) joinOrganization(caller, account.id(), client);
        try {
            scimUsers.insert(u);
        } catch (DuplicateKeyException e) {
            throw ScimProblem.conflict("userName is already taken");
        }
        if (!u.active()) deactivate(caller, u, client);
        events.publish(provisioned(caller, u, false), client);
        return queries.render(u);
    }

    @Transactional
    public ObjectNode replace(ScimCaller caller, String userId, JsonNode body, String ifMatch, ClientInfo client) {
        ScimUser before = lock(caller, userId, ifMatch);
        return apply(caller, before, UserResources.read(body), client);
    }

    /** PATCH: the operations are applied to the current resource in memory, then written as a whole. */
    @Transactional
    public ObjectNode patch(ScimCaller caller, String userId, JsonNode body, String ifMatch, ClientInfo client) {
        ScimUser before = lock(caller, userId, ifMatch);
        ObjectNode patched = Patches.apply(queries.render(before), body);
        return apply(caller, before, UserResources.read(patched), client);
    }

    @Transactional
    public void delete(ScimCaller caller, String userId, String ifMatch, ClientInfo client) {
        ScimUser u = lock(caller, userId, ifMatch);
        String org = caller.organizationId();
        try {
            members.leave(org, userId, caller.tokenId(), "deprovisioned", client);
        } catch (JanuaException e) {
            throw translate(e);
        }
        groups.removeUserEverywhere(org, userId);
        scimUsers.delete(org, userId);
        sessions.revokeAllForUser(userId, null, "scim_deprovisioned", client);
        boolean deleteAccount = u.createdAccount() && members.membershipCount(userId) == 0;
        events.publish(deprovisioned(caller, u, "deleted", deleteAccount), client);
        if (deleteAccount) users.delete(userId, caller.tokenId(), client);
    }

    private ObjectNode apply(ScimCaller caller, ScimUser before, UserInput in, ClientInfo client) {
        String org = caller.organizationId();
        if (!in.userName().equalsIgnoreCase(before.userName())) {
            scimUsers.findByUserName(org, in.userName()).ifPresent(other -> {
                throw ScimProblem.conflict("userName is already taken");
            });
        }
        User account = users.findById(before.userId()).orElseThrow(() -> ScimProblem.notFound("User not found"));
        String email = requireEmail(in.email());
        boolean emailChanged = !email.equalsIgnoreCase(account.email());
        boolean nameChanged = (in.givenName() != null && !in.givenName().equals(account.firstName()))
                || (in.familyName() != null && !in.familyName().equals(account.lastName()));
        if ((emailChanged || nameChanged) && !before.createdAccount()) {
            // the account predates the directory's link to it: its owner keeps their profile
            if (emailChanged) throw ScimProblem.badRequest(ScimProblem.MUTABILITY, "This account's email is managed by its owner");
            nameChanged = false;
        }
        if (emailChanged || nameChanged) {
            ProfileChange profile = nameChanged ? new ProfileChange(in.givenName(), in.familyName(), null, null, null, null, null, null, null) : null;
            try {
                userAdmin.update(before.userId(), new AdminChange(profile, emailChanged ? email : null, null, null), caller.tokenId(), client);
            } catch (JanuaException e) {
                throw translate(e);
            }
        }
        Instant now = clock.instant();
        ScimUser after = new ScimUser(org, before.userId(), in.userName(), in.externalId(), in.displayName(), in.activeOrDefault(),
                in.employeeNumber(), in.department(), in.managerId(), before.createdAccount(), before.createdAt(), now);
        try {
            scimUsers.update(after, now);
        } catch (DuplicateKeyException e) {
            throw ScimProblem.conflict("userName is already taken");
        }
        if (before.active() && !after.active()) {
            deactivate(caller, after, client);
            events.publish(deprovisioned(caller, after, "deactivated", false), client);
        } else if (!before.active() && after.active()) {
            reactivate(caller, after, client);
            events.publish(provisioned(caller, after, true), client);
        }
        return queries.render(after);
    }

    private void joinOrganization(ScimCaller caller, String userId, ClientInfo client) {
        try {
            members.join(caller.organizationId(), userId, roleSync.roleFor(caller.organizationId(), userId), caller.tokenId(), "scim", client);
        } catch (JanuaException e) {
            throw translate(e);
        }
    }

    /** Out of the organization at once: membership removed, every session ended; an owned account suspended. */
    private void deactivate(ScimCaller caller, ScimUser u, ClientInfo client) {
        try {
            members.leave(caller.organizationId(), u.userId(), caller.tokenId(), "deactivated", client);
        } catch (JanuaException e) {
            throw translate(e);
        }
        sessions.revokeAllForUser(u.userId(), null, DEACTIVATED, client);
        if (u.createdAccount() && members.membershipCount(u.userId()) == 0) {
            userAdmin.suspend(u.userId(), DEACTIVATED, null, caller.tokenId(), client);
        }
    }

    private void reactivate(ScimCaller caller, ScimUser u, ClientInfo client) {
        joinOrganization(caller, u.userId(), client);
        userAdmin.find(u.userId()).map(UserAdministration.ManagedUser::suspension)
                .filter(s -> DEACTIVATED.equals(s.reason()))
                .ifPresent(s -> userAdmin.unsuspend(u.userId(), caller.tokenId(), client));
    }

    private ScimUser lock(ScimCaller caller, String userId, String ifMatch) {
        ScimUser u = scimUsers.lock(caller.organizationId(), userId).orElseThrow(() -> ScimProblem.notFound("User " + userId + " not found"));
        if (ifMatch != null && !Versions.matches(ifMatch, queries.render(u).path("meta").path("version").asText())) {
            throw ScimProblem.preconditionFailed();
        }
        return u;
    }

    /** The users module's own email check, its failure said in SCIM's vocabulary. */
    private static String requireEmail(String email) {
        try {
            return EmailAddress.requireValid(email);
        } catch (JanuaException e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "Invalid email " + email.trim());
        }
    }

    private DomainEvent provisioned(ScimCaller caller, ScimUser u, boolean reactivated) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", u.organizationId());
        data.put("userId", u.userId());
        data.put("userName", u.userName());
        data.put("externalId", u.externalId());
        data.put("active", u.active());
        data.put("createdAccount", u.createdAccount());
        data.put("reactivated", reactivated);
        data.put("scimTokenId", caller.tokenId());
        return new DomainEvent("user.provisioned", u.userId(), caller.tokenId(), u.organizationId(), data);
    }

    private DomainEvent deprovisioned(ScimCaller caller, ScimUser u, String reason, boolean accountDeleted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", u.organizationId());
        data.put("userId", u.userId());
        data.put("userName", u.userName());
        data.put("externalId", u.externalId());
        data.put("reason", reason);
        data.put("accountDeleted", accountDeleted);
        data.put("scimTokenId", caller.tokenId());
        return new DomainEvent("user.deprovisioned", u.userId(), caller.tokenId(), u.organizationId(), data);
    }

    /** Janua's own rule violations, in SCIM's vocabulary. */
    static ScimProblem translate(JanuaException e) {
        ErrorCode code = e.code();
        return switch (code) {
            case EMAIL_ALREADY_EXISTS, USERNAME_ALREADY_EXISTS -> ScimProblem.conflict("An account with this email already exists");
            case LAST_OWNER -> new ScimProblem(409, null, "The organization's only owner cannot be deprovisioned");
            case ROLE_NOT_FOUND -> ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "A mapped role no longer exists");
            default -> code.status().is4xxClientError() ? new ScimProblem(code.status().value(), ScimProblem.INVALID_VALUE, code.name())
                    : new ScimProblem(500, null, code.name());
        };
    }
}
