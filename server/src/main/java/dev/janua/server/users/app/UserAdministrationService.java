package dev.janua.server.users.app;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.User;
import dev.janua.server.users.UserAdministration;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserQuery;
import dev.janua.server.users.domain.EmailAddress;
import dev.janua.server.users.domain.ProfileRules;
import dev.janua.server.users.persistence.JdbcUserAdminRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account administration; each change and its event commit together (in the caller's transaction when there is one). */
@Service
class UserAdministrationService implements UserAdministration {
    private static final Set<String> STATUSES = Set.of("active", "inactive", "suspended", "deleted");
    private final JdbcUserAdminRepository admin;
    private final UserDirectory users;
    private final EventPublisher events;
    private final Clock clock;

    UserAdministrationService(JdbcUserAdminRepository admin, UserDirectory users, EventPublisher events, Clock clock) {
        this.admin = admin;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Page<ManagedUser> search(UserQuery query, PageRequest page, boolean includeTotal) {
        if (query.status() != null && !STATUSES.contains(query.status())) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "status", "reason", "unknown_status"));
        }
        Instant now = clock.instant();
        Long total = includeTotal || page.page() != null ? admin.count(query, now) : null;
        return Page.fromRows(admin.search(query, page, now), page, m -> JdbcUserAdminRepository.cursorOf(m, query.sort()), total);
    }

    @Override
    public Optional<ManagedUser> find(String userId) {
        return admin.find(userId);
    }

    @Override
    @Transactional
    public ManagedUser suspend(String userId, String reason, Instant until, String actorId, ClientInfo client) {
        User user = require(userId);
        Instant now = clock.instant();
        admin.suspend(userId, reason, until, actorId, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("email", user.email());
        data.put("reason", reason);
        data.put("until", until == null ? null : until.toString());
        events.publish(DomainEvent.of("user.suspended", userId, actorId, data), client);
        return admin.find(userId).orElseThrow();
    }

    @Override
    @Transactional
    public ManagedUser unsuspend(String userId, String actorId, ClientInfo client) {
        User user = require(userId);
        if (admin.unsuspend(userId, clock.instant())) {
            events.publish(DomainEvent.of("user.unsuspended", userId, actorId, Map.of("userId", userId, "email", user.email())), client);
        }
        return admin.find(userId).orElseThrow();
    }

    @Override
    @Transactional
    public ManagedUser unlock(String userId, String actorId, ClientInfo client) {
        ManagedUser before = admin.find(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        admin.unlock(userId, clock.instant());
        events.publish(DomainEvent.of("user.unlocked", userId, actorId,
                Map.of("userId", userId, "email", before.user().email(), "failedAttempts", before.failedAttempts())), client);
        return admin.find(userId).orElseThrow();
    }

    @Override
    @Transactional
    public ManagedUser update(String userId, AdminChange change, String actorId, ClientInfo client) {
        User before = require(userId);
        Instant now = clock.instant();
        if (change.profile() != null) {
            ProfileRules.check(change.profile());
            users.updateProfile(userId, change.profile(), actorId, client);
        }
        if (change.email() != null && !EmailAddress.normalize(change.email()).equals(EmailAddress.normalize(before.email()))) {
            String email = EmailAddress.requireValid(change.email());
            if (users.findByEmail(email).isPresent()) throw new JanuaException(ErrorCode.EMAIL_ALREADY_EXISTS);
            try {
                admin.changeEmail(userId, email, Boolean.TRUE.equals(change.emailVerified()), now);
            } catch (DuplicateKeyException e) {
                throw new JanuaException(ErrorCode.EMAIL_ALREADY_EXISTS);
            }
        } else if (change.emailVerified() != null && change.emailVerified() != before.emailVerified()) {
            admin.setEmailVerified(userId, change.emailVerified(), now);
        }
        if (change.admin() != null && change.admin() != before.admin()) admin.setAdmin(userId, change.admin(), now);
        User after = users.findById(userId).orElseThrow();
        if (!after.email().equals(before.email()) || after.emailVerified() != before.emailVerified() || after.admin() != before.admin()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user", UserService.summary(after));
            data.put("previousData", UserService.summary(before));
            data.put("isAdmin", after.admin());
            events.publish(DomainEvent.of("user.updated", userId, actorId, data), client);
        }
        return admin.find(userId).orElseThrow();
    }

    private User require(String userId) {
        return users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
    }
}
