package dev.janua.server.graphql.web;

import dev.janua.server.admin.app.AdminUserService;
import dev.janua.server.admin.app.AdminUserService.NewUserRequest;
import dev.janua.server.graphql.web.GraphQlViews.CreateUserPayload;
import dev.janua.server.graphql.web.GraphQlViews.SessionNode;
import dev.janua.server.graphql.web.GraphQlViews.UserError;
import dev.janua.server.graphql.web.GraphQlViews.UserNode;
import dev.janua.server.graphql.web.GraphQlViews.UserOrganization;
import dev.janua.server.organizations.app.PermissionChecks;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserQuery;
import dev.janua.server.users.domain.ProfileRules;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Users over GraphQL: the same services as {@code ProfileController} and {@code AdminUserController},
 * so the same rules (yourself, or platform {@code users:read}/{@code users:write}).
 */
@Controller
public class UserGraph {
    /** Input problems {@code createUser} reports in its payload; authorization failures stay errors. */
    private static final Set<ErrorCode> INPUT_CODES = Set.of(ErrorCode.VALIDATION_ERROR, ErrorCode.WEAK_PASSWORD,
            ErrorCode.EMAIL_ALREADY_EXISTS, ErrorCode.USERNAME_ALREADY_EXISTS, ErrorCode.INVALID_REQUEST);
    private final AdminUserService admin;
    private final UserDirectory users;
    private final SessionDirectory sessions;
    private final PermissionChecks permissions;
    private final GraphQlErrors errors;

    public UserGraph(AdminUserService admin, UserDirectory users, SessionDirectory sessions, PermissionChecks permissions,
                     GraphQlErrors errors) {
        this.admin = admin;
        this.users = users;
        this.sessions = sessions;
        this.permissions = permissions;
        this.errors = errors;
    }

    public record CreateUserInput(String email, String password, String firstName, String lastName, String username,
                                  Boolean emailVerified, Boolean isAdmin) {}

    public record UpdateProfileInput(String firstName, String lastName, String username, String phoneNumber,
                                     String profileImageUrl, String bio, String timezone, String locale) {}

    @QueryMapping
    public UserNode me(Caller caller) {
        return UserNode.of(users.findById(caller.userId()).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND)));
    }

    @QueryMapping
    @AcceptsApiKeys
    public UserNode user(@Argument String id, Caller caller) {
        return UserNode.of(admin.get(caller, id).user());
    }

    @QueryMapping
    @AcceptsApiKeys
    public Connection<UserNode> users(@Argument Integer first, @Argument String after, @Argument String search,
                                      @Argument String status, @Argument String organizationId, Caller caller) {
        UserQuery q = new UserQuery(status == null ? null : status.trim().toLowerCase(Locale.ROOT), search, null, null,
                organizationId, null, null, UserQuery.Sort.DEFAULT);
        return Connection.of(admin.list(caller, q, PageRequest.of(first, after, null), true).map(m -> UserNode.of(m.user())),
                UserNode::id);
    }

    /** One membership query for every user in the response, however many (no N+1). */
    @BatchMapping(typeName = "User", field = "organizations")
    public Map<UserNode, List<UserOrganization>> organizations(List<UserNode> nodes, GraphQLContext context) {
        Caller caller = GraphQlArguments.caller(context);
        Map<String, List<PermissionChecks.UserRole>> byUser = permissions.rolesOf(caller, nodes.stream().map(UserNode::id).toList());
        Map<UserNode, List<UserOrganization>> out = new LinkedHashMap<>();
        for (UserNode n : nodes) out.put(n, byUser.getOrDefault(n.id(), List.of()).stream().map(UserOrganization::of).toList());
        return out;
    }

    /** A user's sessions are theirs alone, as in {@code GET /sessions}. */
    @SchemaMapping(typeName = "User", field = "sessions")
    public List<SessionNode> userSessions(UserNode user, Caller caller) {
        if (!user.id().equals(caller.userId())) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "own_sessions_only"));
        }
        return live(caller);
    }

    @QueryMapping
    public List<SessionNode> sessions(Caller caller) {
        return live(caller);
    }

    private List<SessionNode> live(Caller caller) {
        return sessions.listLive(caller.userId()).stream().sorted(Comparator.comparing(Session::id).reversed())
                .map(s -> SessionNode.of(s, caller.sessionId())).toList();
    }

    @MutationMapping
    @AcceptsApiKeys
    public CreateUserPayload createUser(@Argument CreateUserInput input, Caller caller, ClientInfo client,
                                        DataFetchingEnvironment env) {
        try {
            var created = admin.create(caller, new NewUserRequest(input.email(), input.password(), input.firstName(),
                    input.lastName(), input.username(), null, input.emailVerified(), input.isAdmin()), client);
            return new CreateUserPayload(UserNode.of(created.user()), true, List.of());
        } catch (JanuaException e) {
            if (!INPUT_CODES.contains(e.code())) throw e;
            return new CreateUserPayload(null, false, List.of(new UserError(field(e), errors.message(e.code(), env.getLocale()),
                    e.code().name())));
        }
    }

    @MutationMapping
    public UserNode updateProfile(@Argument UpdateProfileInput input, Caller caller, ClientInfo client) {
        ProfileChange change = new ProfileChange(input.firstName(), input.lastName(), input.username(), input.phoneNumber(),
                input.profileImageUrl(), input.bio(), input.timezone(), input.locale(), null);
        ProfileRules.check(change);
        return UserNode.of(users.updateProfile(caller.userId(), change, client));
    }

    private static String field(JanuaException e) {
        if (e.details().get("field") instanceof String f) return f;
        return switch (e.code()) {
            case EMAIL_ALREADY_EXISTS -> "email";
            case USERNAME_ALREADY_EXISTS -> "username";
            case WEAK_PASSWORD -> "password";
            default -> null;
        };
    }
}
