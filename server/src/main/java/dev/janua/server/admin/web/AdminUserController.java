package dev.janua.server.admin.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.janua.server.admin.app.AdminUserService;
import dev.janua.server.admin.app.AdminUserService.NewUserRequest;
import dev.janua.server.admin.app.AdminUserService.UserUpdate;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.UserAdministration.ManagedUser;
import dev.janua.server.users.UserQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The admin user API, at {@code /users} (seed 001) and {@code /admin/users} (seeds 000, 004). Lists
 * page by cursor, or by {@code page} for the seeds that show pages; {@code totalCount} comes with
 * pages or with {@code includeTotal=true} (counting a million rows is not free).
 */
@JanuaApi
@Tag(name = "Admin")
@AcceptsApiKeys
public class AdminUserController {
    private final AdminUserService admin;
    private final Clock clock;

    public AdminUserController(AdminUserService admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    public record UserBody(String email, String password, String firstName, String lastName, String username,
                           @JsonAlias({"phone"}) String phoneNumber,
                           @JsonAlias({"avatar", "avatarUrl", "avatar_url"}) String profileImageUrl, String bio,
                           String timezone, String locale, Map<String, Object> metadata, Boolean emailVerified,
                           @JsonAlias({"admin", "is_admin"}) Boolean isAdmin) {
        UserUpdate update() {
            return new UserUpdate(new ProfileChange(firstName, lastName, username, phoneNumber, profileImageUrl, bio, timezone,
                    locale, metadata), email, emailVerified, isAdmin);
        }
    }

    /** {@code duration} in seconds; absent: until an admin lifts it. */
    public record SuspendRequest(String reason, Long duration) {}

    @GetMapping({"/users", "/admin/users"})
    @Operation(summary = "List users: status, search (name/email), email, emailVerified, organizationId, createdAfter/Before, sort")
    public Page<AdminUserView> list(Caller caller,
                                    @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String search, @RequestParam(required = false) String email,
                                    @RequestParam(required = false) Boolean emailVerified,
                                    @RequestParam(required = false) String organizationId,
                                    @RequestParam(required = false) String createdAfter,
                                    @RequestParam(required = false) String createdBefore,
                                    @RequestParam(required = false) String sort,
                                    @RequestParam(required = false, defaultValue = "false") boolean includeTotal) {
        UserQuery q = new UserQuery(status == null ? null : status.trim().toLowerCase(java.util.Locale.ROOT), search, email,
                emailVerified, organizationId, instant("createdAfter", createdAfter), instant("createdBefore", createdBefore),
                UserQuery.Sort.parse(sort));
        return admin.list(caller, q, PageRequest.of(limit, cursor, page), includeTotal).map(this::view);
    }

    @PostMapping({"/users", "/admin/users"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (users:write); without a password the user sets one by password reset")
    public AdminUserView create(@RequestBody UserBody b, Caller caller, ClientInfo client) {
        return view(admin.create(caller, new NewUserRequest(b.email(), b.password(), b.firstName(), b.lastName(),
                b.username(), b.metadata(), b.emailVerified(), b.isAdmin()), client));
    }

    @GetMapping({"/users/by-email", "/admin/users/by-email"})
    @Operation(summary = "Look a user up by email (users:read)")
    public AdminUserView byEmail(@RequestParam String email, Caller caller) {
        return view(admin.getByEmail(caller, email));
    }

    @GetMapping({"/users/{userId}", "/admin/users/{userId}"})
    @Operation(summary = "Get a user (yourself, or users:read)")
    public AdminUserView get(@PathVariable String userId, Caller caller) {
        return view(admin.get(caller, userId));
    }

    @PatchMapping({"/users/{userId}", "/admin/users/{userId}"})
    @Operation(summary = "Update a user: profile fields; email, emailVerified (users:write); isAdmin (platform admins)")
    public AdminUserView update(@PathVariable String userId, @RequestBody UserBody b, Caller caller, ClientInfo client) {
        return view(admin.update(caller, userId, b.update(), client));
    }

    @PutMapping({"/users/{userId}", "/admin/users/{userId}"})
    @Operation(summary = "Update a user (same partial body as PATCH)")
    public AdminUserView replace(@PathVariable String userId, @RequestBody UserBody b, Caller caller, ClientInfo client) {
        return update(userId, b, caller, client);
    }

    @DeleteMapping({"/users/{userId}", "/admin/users/{userId}"})
    @Operation(summary = "Delete a user (users:delete); refused while they are an organization's only owner")
    public Ack delete(@PathVariable String userId, Caller caller, ClientInfo client) {
        admin.delete(caller, userId, client);
        return Ack.of("User deleted");
    }

    @PostMapping({"/admin/users/{userId}/suspend", "/users/{userId}/suspend"})
    @Operation(summary = "Suspend a user with a reason and optional duration (seconds); their sessions end at once")
    public AdminUserView suspend(@PathVariable String userId, @RequestBody(required = false) SuspendRequest body, Caller caller,
                                 ClientInfo client) {
        SuspendRequest b = body == null ? new SuspendRequest(null, null) : body;
        return view(admin.suspend(caller, userId, b.reason(), b.duration(), client));
    }

    @PostMapping({"/admin/users/{userId}/unsuspend", "/users/{userId}/unsuspend"})
    @Operation(summary = "Lift a suspension")
    public AdminUserView unsuspend(@PathVariable String userId, Caller caller, ClientInfo client) {
        return view(admin.unsuspend(caller, userId, client));
    }

    @PostMapping({"/admin/users/{userId}/unlock", "/users/{userId}/unlock"})
    @Operation(summary = "Unlock an account locked by failed sign-ins")
    public AdminUserView unlock(@PathVariable String userId, Caller caller, ClientInfo client) {
        return view(admin.unlock(caller, userId, client));
    }

    private AdminUserView view(ManagedUser m) {
        return AdminUserView.of(m, clock.instant());
    }

    /** ISO-8601 instants, or plain dates (midnight UTC) as seed 000 writes them. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", "invalid_date"));
        }
    }
}
