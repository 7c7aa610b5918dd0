package dev.janua.sdk;

import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.Invitation;
import dev.janua.sdk.model.InvitationAcceptance;
import dev.janua.sdk.model.InvitationPreview;
import dev.janua.sdk.model.Member;
import dev.janua.sdk.model.Organization;

import java.util.Map;

/** Organizations, their members and invitations. */
public final class Organizations extends Namespace {
    Organizations(Transport t) { super(t); }

    /** {@code POST /organizations}; the caller becomes its owner (or {@code ownerId}, for an admin). */
    public Organization create(OrganizationParams params) {
        return new Organization(post("/organizations", params.toMap(), Credential.ANY));
    }

    /** {@code GET /organizations/{id}}. */
    public Organization get(String organizationId) {
        return new Organization(get("/organizations/" + seg(organizationId), Credential.ANY));
    }

    /** {@code GET /organizations}: the caller's organizations ({@code role} filter via {@code param("role", …)}). */
    public Page<Organization> list(ListParams params) {
        return page("/organizations", params, Credential.ANY, Organization::new);
    }

    public Page<Organization> list() { return list(null); }

    /** {@code GET /admin/organizations}: every organization (platform admin). */
    public Page<Organization> listAll(ListParams params) {
        return page("/admin/organizations", params, Credential.ADMIN, Organization::new);
    }

    /** {@code PATCH /organizations/{id}}. */
    public Organization update(String organizationId, OrganizationParams params) {
        return new Organization(patch("/organizations/" + seg(organizationId), params.toMap(), Credential.ANY));
    }

    /** {@code DELETE /organizations/{id}}. */
    public Ack delete(String organizationId) {
        return new Ack(delete("/organizations/" + seg(organizationId), Credential.ANY));
    }

    /** {@code POST /organizations/{id}/join} (open organizations, or a verified email of its domain). */
    public Member join(String organizationId) {
        return new Member(post("/organizations/" + seg(organizationId) + "/join", null, Credential.USER));
    }

    /** {@code GET /organizations/{id}/members}. */
    public Page<Member> listMembers(String organizationId, MemberListParams params) {
        return page("/organizations/" + seg(organizationId) + "/members", params, Credential.ANY, Member::new);
    }

    public Page<Member> listMembers(String organizationId) { return listMembers(organizationId, null); }

    /** {@code GET /organizations/{id}/members/{userId}}. */
    public Member getMember(String organizationId, String userId) {
        return new Member(get(members(organizationId, userId), Credential.ANY));
    }

    /** {@code POST /organizations/{id}/members}: adds an existing user directly (admin: API key, else session). */
    public Member addMember(String organizationId, String userId, String role) {
        return new Member(post("/organizations/" + seg(organizationId) + "/members", body("userId", userId, "role", role), Credential.ADMIN));
    }

    /** {@code PATCH /organizations/{id}/members/{userId}}: a system role key, or a custom role's id/key. */
    public Member updateMemberRole(String organizationId, String userId, String role) {
        return new Member(patch(members(organizationId, userId), body("role", role), Credential.ANY));
    }

    /** {@code DELETE /organizations/{id}/members/{userId}}. */
    public Ack removeMember(String organizationId, String userId) {
        return new Ack(delete(members(organizationId, userId), Credential.ANY));
    }

    /** {@code POST /organizations/{id}/invitations}: the invitee gets an email with the token. */
    public Invitation createInvite(String organizationId, InvitationParams params) {
        return new Invitation(post(invitations(organizationId), params.toMap(), Credential.ANY));
    }

    /** {@code GET /organizations/{id}/invitations} ({@code status} filter via {@link ListParams#status}). */
    public Page<Invitation> listInvites(String organizationId, ListParams params) {
        return page(invitations(organizationId), params, Credential.ANY, Invitation::new);
    }

    public Page<Invitation> listInvites(String organizationId) { return listInvites(organizationId, null); }

    /** {@code GET /organizations/{id}/invitations/{invitationId}}. */
    public Invitation getInvite(String organizationId, String invitationId) {
        return new Invitation(get(invitations(organizationId) + "/" + seg(invitationId), Credential.ANY));
    }

    /** {@code POST …/invitations/{invitationId}/resend}: a new token, the old one stops working. */
    public Invitation resendInvite(String organizationId, String invitationId) {
        return new Invitation(post(invitations(organizationId) + "/" + seg(invitationId) + "/resend", null, Credential.ANY));
    }

    /** {@code POST …/invitations/{invitationId}/revoke}. */
    public Invitation revokeInvite(String organizationId, String invitationId) {
        return new Invitation(post(invitations(organizationId) + "/" + seg(invitationId) + "/revoke", null, Credential.ANY));
    }

    /** {@code GET /invitations/accept?token=…}: what the token offers; no credentials needed. */
    public InvitationPreview previewInvite(String token) {
        return new InvitationPreview(get("/invitations/accept", Map.of("token", token), Credential.NONE));
    }

    /**
     * {@code POST /invitations/accept}. Signed in: joins as the current user. Not signed in: a new invitee sends a
     * password and is signed up and in — the client then keeps that session.
     */
    public InvitationAcceptance acceptInvite(AcceptInvitationParams params) {
        Transport.Result r = t.send("POST", t.apiBase() + "/invitations/accept", "/invitations/accept", null,
                params.toMap(), Credential.SESSION_IF_ANY);
        InvitationAcceptance a = new InvitationAcceptance(r.body(), r.receivedAt());
        if (a.tokens() != null) t.session.store(a.tokens());
        return a;
    }

    public InvitationAcceptance acceptInvite(String token) {
        return acceptInvite(AcceptInvitationParams.builder().token(token));
    }

    private static String members(String organizationId, String userId) {
        return "/organizations/" + seg(organizationId) + "/members/" + seg(userId);
    }

    private static String invitations(String organizationId) {
        return "/organizations/" + seg(organizationId) + "/invitations";
    }
}
