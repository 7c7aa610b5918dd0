package dev.janua.server.organizations.web;

import dev.janua.server.organizations.app.Member;
import dev.janua.server.organizations.app.MemberService;
import dev.janua.server.organizations.app.MemberService.RoleChange;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Members of an organization. Seed aliases: {@code PATCH …/members/{userId}} = {@code POST
 * …/members/{userId}/role}. The last owner can be neither removed nor demoted.
 */
@JanuaApi
@Tag(name = "Organization members")
@AcceptsApiKeys
public class MemberController {
    private final MemberService members;

    public MemberController(MemberService members) {
        this.members = members;
    }

    public record AddMember(String userId, String role, String customRole, List<String> permissions) {}

    @GetMapping("/organizations/{organizationId}/members")
    @Operation(summary = "List members: role filter, search by name or email, cursor or page (members:read)")
    public Page<Member> list(@PathVariable String organizationId, Caller caller,
                             @RequestParam(required = false) String role, @RequestParam(required = false) String search,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer page) {
        return members.list(caller, organizationId, role, search, PageRequest.of(limit, cursor, page));
    }

    @GetMapping("/organizations/{organizationId}/members/{userId}")
    @Operation(summary = "Get one member (members:read, or yourself)")
    public Member get(@PathVariable String organizationId, @PathVariable String userId, Caller caller) {
        return members.get(caller, organizationId, me(userId, caller));
    }

    @PostMapping("/organizations/{organizationId}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an existing user directly (API keys with members:invite and platform admins; people use invitations)")
    public Member add(@PathVariable String organizationId, @RequestBody AddMember body, Caller caller, ClientInfo client) {
        return members.add(caller, organizationId, body.userId(), new RoleChange(body.role(), body.customRole(), body.permissions()), client);
    }

    @PatchMapping("/organizations/{organizationId}/members/{userId}")
    @Operation(summary = "Change a member's role and extra permissions (members:update)")
    public Member changeRole(@PathVariable String organizationId, @PathVariable String userId, @RequestBody RoleChange body,
                             Caller caller, ClientInfo client) {
        return members.changeRole(caller, organizationId, me(userId, caller), body, client);
    }

    @PostMapping("/organizations/{organizationId}/members/{userId}/role")
    @Operation(summary = "Change a member's role and permissions (seed 002's form of the PATCH)")
    public Member changeRolePost(@PathVariable String organizationId, @PathVariable String userId, @RequestBody RoleChange body,
                                 Caller caller, ClientInfo client) {
        return changeRole(organizationId, userId, body, caller, client);
    }

    @DeleteMapping("/organizations/{organizationId}/members/{userId}")
    @Operation(summary = "Remove a member (members:remove), or leave (your own id or 'me')")
    public Ack remove(@PathVariable String organizationId, @PathVariable String userId, Caller caller, ClientInfo client) {
        members.remove(caller, organizationId, me(userId, caller), client);
        return Ack.of("Member removed");
    }

    static String me(String userId, Caller caller) {
        return "me".equals(userId) && caller.userId() != null ? caller.userId() : userId;
    }
}
