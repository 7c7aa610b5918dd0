"""Organizations, members, invitations (token from the dev mailbox), roles, permission checks and API keys."""
from __future__ import annotations

import pytest

import support
from janua import JanuaClient
from janua.exceptions import AuthenticationError, AuthorizationError, ConflictError, GoneError, NotFoundError
from janua.types import OrganizationRole


def test_organization_invitation_roles_and_permission_checks(user, base_url):
    owner, owner_email, _ = user
    org = owner.organizations.create(name="Acme SDK", description="Anvils", settings={"defaultRole": "member"})
    assert org.id.startswith("org_") and org.user_role == "owner" and org.member_count == 1
    assert [o.id for o in owner.organizations.list(user_id=owner.tokens.user_id)] == [org.id]
    assert owner.organizations.update(org.id, description="Better anvils").description == "Better anvils"

    # invite someone who has an account; they accept while signed in
    invitee = JanuaClient(base_url=base_url)
    invitee_email = support.email("invitee")
    invitee.auth.sign_up(email=invitee_email, password=support.PASSWORD)
    invite = owner.organizations.create_invite(organization_id=org.id, email=invitee_email, role=OrganizationRole.MEMBER,
                                               message="Welcome to our organization!")
    assert invite.id.startswith("inv_") and invite.status == "pending"
    token = support.mail_token(invitee_email, "inv_")
    assert owner.organizations.preview_invite(token)["organizationId"] == org.id
    accepted = invitee.organizations.accept_invite(token)
    assert accepted.organization.id == org.id and accepted.role == "member"
    with pytest.raises(ConflictError) as twice:
        invitee.organizations.accept_invite(token)
    assert twice.value.code == "INVITATION_ALREADY_ACCEPTED"

    # invite someone new: they sign up through the invitation
    newcomer_email = support.email("newcomer")
    owner.organizations.create_invite(org.id, email=newcomer_email, role="viewer")
    newcomer = JanuaClient(base_url=base_url)
    joined = newcomer.organizations.accept_invite(support.mail_token(newcomer_email, "inv_"), password=support.PASSWORD,
                                                  first_name="New", last_name="Comer")
    assert joined["user"].email == newcomer_email and newcomer.is_authenticated

    # a revoked invitation is gone (410), with its own code
    revoked_email = support.email("revoked")
    doomed = owner.organizations.create_invite(org.id, email=revoked_email)
    owner.organizations.revoke_invite(org.id, doomed.id)
    assert owner.organizations.get_invite(org.id, doomed.id).status == "revoked"
    with pytest.raises(GoneError) as gone:
        owner.organizations.preview_invite(support.mail_token(revoked_email, "inv_"))
    assert gone.value.code == "INVITATION_REVOKED" and gone.value.status_code == 410

    members = owner.organizations.list_members(org.id, limit=2)
    assert members.total_count == 3 and len(members) == 2 and members.has_more
    assert len(list(members.auto_paging_iter())) == 3

    # a custom role, given to the member; permission checks follow it
    role = owner.roles.create(name="Content Editor", permissions=["content:read", "content:write"], organization_id=org.id)
    assert role.key == "content-editor" and role.is_system is False
    assert any(r.id == role.id for r in owner.roles.list(organization_id=org.id))
    uid = invitee.tokens.user_id
    changed = owner.organizations.update_member_role(org.id, uid, custom_role=role.key)
    assert changed.role == "content-editor"
    check = owner.users.check_permissions(uid, ["content:write", "members:remove"], organization_id=org.id)
    assert not check and [r.granted for r in check.results] == [True, False]
    assert check.results[1].reason == "insufficient_privileges"
    assert invitee.users.has_permission("me", "content:write", organization_id=org.id) is True
    with pytest.raises(AuthorizationError) as denied:
        invitee.organizations.remove_member(org.id, newcomer.tokens.user_id)
    assert denied.value.code == "INSUFFICIENT_PERMISSIONS" and denied.value.details["required"] == "members:remove"
    with pytest.raises(ConflictError) as in_use:
        owner.roles.delete(role.id, organization_id=org.id)
    assert in_use.value.code == "ROLE_IN_USE"
    assert {p.id for p in owner.permissions.list()} >= {"members:read", "organization:delete"}

    # an organization API key: server-side code reads members with it, until revoked
    key = owner.api_keys.create(name="Billing backend", permissions=["members:read", "organization:read"],
                                organization_id=org.id)
    assert key.key.startswith("sk_") and key.scope == "organization"
    backend = JanuaClient(base_url=base_url, api_key=key.key)
    assert backend.organizations.list_members(org.id).total_count == 3
    with pytest.raises(AuthorizationError) as no_session:
        backend.http.get("/auth/me")  # "me" routes need a person's session, not a key
    assert no_session.value.details["reason"] == "user_session_required"
    assert [k.id for k in owner.api_keys.list(organization_id=org.id)] == [key.id]
    owner.api_keys.revoke(key.id, organization_id=org.id)
    with pytest.raises(AuthenticationError) as revoked:
        backend.organizations.list_members(org.id)
    assert revoked.value.code == "INVALID_API_KEY" and revoked.value.details["reason"] == "revoked"

    assert owner.organizations.remove_member(org.id, newcomer.tokens.user_id)
    owner.organizations.delete(org.id)
    with pytest.raises(NotFoundError):
        owner.organizations.get(org.id)


def test_add_member_uses_the_platform_api_key(user, platform_key, admin, base_url):
    owner, _, _ = user
    org = owner.organizations.create(name="Direct Adds")
    other = JanuaClient(base_url=base_url)
    other.auth.sign_up(email=support.email("direct"), password=support.PASSWORD)
    # the same client holds a session and a platform key: add_member is the platform's call, so it uses the key
    owner_with_key = JanuaClient(base_url=base_url, api_key=platform_key)
    owner_with_key.set_session(owner.tokens.access_token, owner.tokens.refresh_token)
    with pytest.raises(AuthorizationError) as more:  # a key grants no more than it holds; admin is "*"
        owner_with_key.organizations.add_member(org.id, user_id=other.tokens.user_id, role=OrganizationRole.ADMIN)
    assert more.value.details["reason"] == "cannot_grant_more_than_held"
    member = owner_with_key.organizations.add_member(organization_id=org.id, user_id=other.tokens.user_id,
                                                     role=OrganizationRole.MEMBER)
    assert member.role == "member"
    # other calls of that client act as the signed-in owner, who may make owners
    promoted = owner_with_key.organizations.update_member_role(organization_id=org.id, user_id=other.tokens.user_id,
                                                               role=OrganizationRole.OWNER)
    assert promoted.role == "owner"
    # a platform admin in person may add anyone with any role
    third = JanuaClient(base_url=base_url)
    third.auth.sign_up(email=support.email("third"), password=support.PASSWORD)
    assert admin.organizations.add_member(org.id, user_id=third.tokens.user_id, role=OrganizationRole.ADMIN).role == "admin"
    # a person (even the owner) may not add members directly: they invite
    with pytest.raises(AuthorizationError) as e:
        owner.organizations.add_member(org.id, user_id=third.tokens.user_id, role="member")
    assert e.value.details.get("reason") == "use_invitations"
