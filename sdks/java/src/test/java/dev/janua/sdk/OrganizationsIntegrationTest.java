package dev.janua.sdk;

import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.errors.AuthorizationException;
import dev.janua.sdk.errors.GoneException;
import dev.janua.sdk.model.ApiKey;
import dev.janua.sdk.model.Invitation;
import dev.janua.sdk.model.InvitationAcceptance;
import dev.janua.sdk.model.InvitationPreview;
import dev.janua.sdk.model.Member;
import dev.janua.sdk.model.Organization;
import dev.janua.sdk.model.PermissionCheck;
import dev.janua.sdk.model.Role;
import dev.janua.sdk.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.janua.sdk.TestSupport.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(JanuaServer.class)
class OrganizationsIntegrationTest {

    @Test
    void organizationInvitationsRolesPermissionsAndApiKeys() {
        String ownerEmail = TestSupport.email("owner");
        JanuaClient owner = TestSupport.newUser(ownerEmail);
        String ownerId = owner.auth().getCurrentUser().id();
        Organization org = owner.organizations().create(OrganizationParams.builder().name("Acme Java")
                .slug("acme-java-" + ownerId.substring(ownerId.length() - 6).toLowerCase()));
        assertTrue(org.id().startsWith("org_"));
        assertEquals("owner", org.userRole());
        assertEquals("Acme Java", owner.organizations().get(org.id()).name());
        assertTrue(owner.organizations().list().data().stream().anyMatch(o -> o.id().equals(org.id())));
        assertEquals("Acme Java Ltd", owner.organizations().update(org.id(), OrganizationParams.builder().name("Acme Java Ltd")).name());

        // a custom role, then invitations: one for a new person (signs up through the acceptance), one for an existing user
        Role auditor = owner.roles().create(RoleParams.builder().organizationId(org.id()).key("auditor").name("Auditor")
                .permissions("members:read", "organization:read"));
        assertFalse(auditor.isSystem());
        assertTrue(owner.roles().list(org.id()).stream().anyMatch(r -> "auditor".equals(r.key())));

        String newcomer = TestSupport.email("invitee");
        Invitation inv = owner.organizations().createInvite(org.id(), InvitationParams.builder().email(newcomer).role("member"));
        assertEquals("pending", inv.status());
        String token = TestSupport.mailToken(newcomer, "invit", "token=([A-Za-z0-9_-]+)");
        InvitationPreview preview = TestSupport.client().organizations().previewInvite(token);
        assertEquals(org.id(), preview.organizationId());
        assertEquals(newcomer, preview.email());

        JanuaClient invitee = TestSupport.client();
        InvitationAcceptance accepted = invitee.organizations().acceptInvite(AcceptInvitationParams.builder().token(token)
                .password(PASSWORD).firstName("Grace"));
        assertEquals(org.id(), accepted.organizationId());
        assertNotNull(invitee.getTokens(), "a new invitee is signed in by the acceptance");
        User grace = invitee.auth().getCurrentUser();
        assertEquals(newcomer, grace.email());
        assertEquals("accepted", owner.organizations().getInvite(org.id(), inv.id()).status());

        String existingEmail = TestSupport.email("existing");
        JanuaClient existing = TestSupport.newUser(existingEmail);
        Invitation second = owner.organizations().createInvite(org.id(), InvitationParams.builder().email(existingEmail).customRole("auditor"));
        assertEquals(1, owner.organizations().listInvites(org.id(), ListParams.builder().status("pending")).size());
        String token2 = TestSupport.mailToken(existingEmail, "invit", "token=([A-Za-z0-9_-]+)");
        existing.organizations().acceptInvite(token2);
        String existingId = existing.auth().getCurrentUser().id();
        assertEquals("auditor", owner.organizations().getMember(org.id(), existingId).role());
        assertTrue(owner.organizations().listInvites(org.id()).data().stream().anyMatch(i -> i.id().equals(second.id())));

        // members: pages of one walk every member by cursor
        Page<Member> firstPage = owner.organizations().listMembers(org.id(), MemberListParams.builder().limit(1));
        assertEquals(1, firstPage.size());
        assertTrue(firstPage.hasMore());
        List<String> all = new ArrayList<>();
        firstPage.autoPagingIterable().forEach(m -> all.add(m.userId()));
        assertEquals(3, all.size());
        assertTrue(all.containsAll(List.of(ownerId, grace.id(), existingId)));

        // permission checks follow the role
        PermissionCheck check = owner.users().checkPermissions(existingId, org.id(), List.of("members:read", "members:remove"));
        assertFalse(check.granted());
        assertTrue(check.granted("members:read"));
        assertFalse(check.granted("members:remove"));
        assertTrue(owner.users().hasPermission(grace.id(), org.id(), "organization:read"));
        assertFalse(owner.users().hasPermission(grace.id(), org.id(), "roles:write"));
        Member promoted = owner.organizations().updateMemberRole(org.id(), grace.id(), "admin");
        assertEquals("admin", promoted.role());
        assertTrue(owner.users().hasPermission(grace.id(), org.id(), "members:invite"));
        assertTrue(invitee.users().getRoles(grace.id()).roles().stream().anyMatch(r -> org.id().equals(r.get("organizationId"))));

        // a member without members:remove is refused
        AuthorizationException refused = assertThrows(AuthorizationException.class,
                () -> existing.organizations().removeMember(org.id(), grace.id()));
        assertEquals("INSUFFICIENT_PERMISSIONS", refused.code());
        assertNotNull(refused.requestId());

        // an organization API key acts within its permissions, and stops at once when revoked
        ApiKey key = owner.apiKeys().create(ApiKeyParams.builder().name("backend").organizationId(org.id())
                .permissions("members:read", "organization:read"));
        assertTrue(key.key().startsWith("sk_"));
        JanuaClient service = TestSupport.builder().apiKey(key.key()).build();
        assertEquals(3, service.organizations().listMembers(org.id()).size());
        assertTrue(owner.apiKeys().list(ListParams.builder().organizationId(org.id())).data().stream().anyMatch(k -> k.id().equals(key.id())));
        assertEquals("backend", owner.apiKeys().get(key.id(), org.id()).name());
        assertEquals("revoked", owner.apiKeys().revoke(key.id(), org.id()).status());
        AuthenticationException dead = assertThrows(AuthenticationException.class, () -> service.organizations().listMembers(org.id()));
        assertEquals("INVALID_API_KEY", dead.code());

        // a revoked invitation: the token is gone (410), mapped to GoneException with its code
        String late = TestSupport.email("late");
        Invitation third = owner.organizations().createInvite(org.id(), InvitationParams.builder().email(late).role("viewer"));
        assertEquals(2, owner.organizations().resendInvite(org.id(), third.id()).sentCount());
        String lateToken = TestSupport.mailToken(late, "invit", "token=([A-Za-z0-9_-]+)", 2); // the resent one
        assertEquals("revoked", owner.organizations().revokeInvite(org.id(), third.id()).status());
        GoneException gone = assertThrows(GoneException.class, () -> TestSupport.client().organizations().previewInvite(lateToken));
        assertEquals(410, gone.status());
        assertTrue(gone.code().startsWith("INVITATION_"), gone.code());
        assertTrue(gone.requestId().startsWith("req_"));

        assertTrue(owner.organizations().removeMember(org.id(), existingId).success());
        assertEquals(2, owner.organizations().listMembers(org.id()).size());
        assertTrue(owner.permissions().list().stream().anyMatch(p -> "members:read".equals(p.key())));
        assertTrue(owner.roles().delete(auditor.id(), org.id()).success());
        assertTrue(owner.roles().list(org.id()).stream().noneMatch(r -> "auditor".equals(r.key())));
    }
}
