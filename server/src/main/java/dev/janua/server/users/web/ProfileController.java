package dev.janua.server.users.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonAlias;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.platform.web.JsonBody;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserView;
import dev.janua.server.users.domain.ProfileRules;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The signed-in user's profile: {@code GET /auth/me} = {@code GET /users/me}, PATCH and PUT update. */
@Tag(name = "Profile", description = "The signed-in user")
@JanuaApi
public class ProfileController {
    private final UserDirectory users;
    private final ProfileBodies bodies;

    public ProfileController(UserDirectory users, ProfileBodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    public record ProfileUpdate(String firstName, String lastName, String username,
                                @JsonAlias({"phone"}) String phoneNumber,
                                @JsonAlias({"avatar", "avatarUrl", "avatar_url"}) String profileImageUrl,
                                String bio, String timezone, String locale, Map<String, Object> metadata) {}

    /** The {@link UserView} of the caller, its JSON kept while the user is unchanged ({@link ProfileBodies}). */
    @GetMapping({"/auth/me", "/users/me"})
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    public JsonBody me(Caller caller) {
        return bodies.of(users.findByIdCached(caller.userId()).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND)));
    }

    /** PUT takes the same partial body as PATCH (seed 002 uses PUT for a partial update). */
    @PatchMapping("/users/me")
    public UserView update(@RequestBody ProfileUpdate body, Caller caller, ClientInfo client) {
        ProfileChange change = new ProfileChange(body.firstName(), body.lastName(), body.username(), body.phoneNumber(),
                body.profileImageUrl(), body.bio(), body.timezone(), body.locale(), body.metadata());
        ProfileRules.check(change);
        return UserView.of(users.updateProfile(caller.userId(), change, client));
    }

    @PutMapping("/users/me")
    public UserView replace(@RequestBody ProfileUpdate body, Caller caller, ClientInfo client) {
        return update(body, caller, client);
    }
}
