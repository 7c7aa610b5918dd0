"""``client.organizations``: organizations, members, invitations (and their API keys and roles by id)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .._http import ADMIN, NONE
from .._resource import Resource, body, call
from ..pagination import list_call
from ..types import Invitation, InvitationAcceptance, Member, Organization, OrganizationRole, value_of


def _role_args(role: Any, custom_role: Optional[str]) -> Dict[str, Any]:
    return {"role": value_of(role), "custom_role": custom_role}


class Organizations(Resource):
    # -- organizations

    def create(self, name: str, slug: Optional[str] = None, description: Optional[str] = None, **fields: Any) -> Organization:
        """The caller becomes the owner. Also ``domain``, ``logo_url``, ``billing_email``, ``settings``,
        ``owner_id`` (platform API keys creating for someone)."""
        b = body(name=name, slug=slug, description=description, **fields)
        return self._run(call("organizations.create", json=b, parse=Organization.from_dict))

    def get(self, organization_id: str) -> Organization:
        return self._run(call("organizations.get", path_params={"organization_id": organization_id}, parse=Organization.from_dict))

    def list(self, user_id: Optional[str] = None, role: Optional[OrganizationRole] = None, limit: Optional[int] = None,
             cursor: Optional[str] = None, page: Optional[int] = None):
        """The caller's organizations (each with ``user_role``/``user_permissions``). With ``user_id`` of another
        user (platform admins, ``users:read`` keys): that user's organizations, from ``GET /users/{id}/roles``."""
        s = self._client._session
        if user_id is not None and not (s is not None and user_id in ("me", s.user_id)):
            def from_roles(d: Dict[str, Any]) -> List[Organization]:
                out = []
                for r in d.get("roles", []):
                    o = Organization(id=r.get("organizationId"), name=r.get("organizationName"), slug=r.get("organizationSlug"),
                                     user_role=r.get("role"), user_permissions=r.get("permissions"))
                    o.raw = r
                    out.append(o)
                return out
            return self._run(call("users.roles", path_params={"user_id": user_id}, auth=ADMIN, parse=from_roles))
        params = {"role": value_of(role), "limit": limit}
        return self._run(list_call(self._client, lambda cur, pg: call("organizations.list", params={**params, "cursor": cur, "page": pg}),
                                   Organization, cursor=cursor, page=page))

    def list_all(self, search: Optional[str] = None, limit: Optional[int] = None, cursor: Optional[str] = None,
                 page: Optional[int] = None):
        """Every organization of the installation (platform admins, ``organizations:read`` keys)."""
        params = {"search": search, "limit": limit}
        return self._run(list_call(self._client, lambda cur, pg: call("organizations.list_all", params={**params, "cursor": cur, "page": pg}, auth=ADMIN),
                                   Organization, cursor=cursor, page=page))

    def update(self, organization_id: str, **fields: Any) -> Organization:
        """Partial: absent fields stay, ``""`` clears an optional text, ``settings`` merge key by key."""
        return self._run(call("organizations.update", path_params={"organization_id": organization_id}, json=body(**fields),
                              parse=Organization.from_dict))

    def delete(self, organization_id: str) -> Dict[str, Any]:
        return self._run(call("organizations.delete", path_params={"organization_id": organization_id}))

    def join(self, organization_id: str) -> Member:
        """Self-signup into an organization that allows it."""
        return self._run(call("organizations.join", path_params={"organization_id": organization_id}, parse=Member.from_dict))

    # -- members

    def list_members(self, organization_id: str, role: Optional[str] = None, search: Optional[str] = None,
                     limit: Optional[int] = None, cursor: Optional[str] = None, page: Optional[int] = None):
        params = {"role": value_of(role), "search": search, "limit": limit}
        return self._run(list_call(
            self._client,
            lambda cur, pg: call("members.list", path_params={"organization_id": organization_id}, params={**params, "cursor": cur, "page": pg}),
            Member, cursor=cursor, page=page))

    def get_member(self, organization_id: str, user_id: str = "me") -> Member:
        return self._run(call("members.get", path_params={"organization_id": organization_id, "user_id": user_id}, parse=Member.from_dict))

    def add_member(self, organization_id: str, user_id: str, role: Any = OrganizationRole.MEMBER,
                   custom_role: Optional[str] = None, permissions: Optional[List[str]] = None) -> Member:
        """Add a user directly — the platform's privilege (platform admins, platform API keys with
        ``members:invite``); people invite instead (``create_invite``). Uses the API key when configured."""
        b = body(user_id=user_id, permissions=permissions, **_role_args(role, custom_role))
        return self._run(call("members.add", path_params={"organization_id": organization_id}, json=b, auth=ADMIN,
                              parse=Member.from_dict))

    def update_member_role(self, organization_id: str, user_id: str, role: Any = None, custom_role: Optional[str] = None,
                           permissions: Optional[List[str]] = None) -> Member:
        b = body(permissions=permissions, **_role_args(role, custom_role))
        return self._run(call("members.update", path_params={"organization_id": organization_id, "user_id": user_id}, json=b,
                              parse=Member.from_dict))

    def remove_member(self, organization_id: str, user_id: str) -> Dict[str, Any]:
        return self._run(call("members.remove", path_params={"organization_id": organization_id, "user_id": user_id}))

    # -- invitations

    def create_invite(self, organization_id: str, email: str, role: Any = None, message: Optional[str] = None,
                      custom_role: Optional[str] = None, permissions: Optional[List[str]] = None,
                      expires_in: Optional[int] = None) -> Invitation:
        """Invite by email. The secret token goes only to the invited mailbox, never into this answer."""
        b = body(email=email, message=message, permissions=permissions, expires_in=expires_in, **_role_args(role, custom_role))
        return self._run(call("invitations.create", path_params={"organization_id": organization_id}, json=b,
                              parse=Invitation.from_dict))

    def list_invites(self, organization_id: str, status: Optional[str] = None, limit: Optional[int] = None,
                     cursor: Optional[str] = None, page: Optional[int] = None):
        params = {"status": status, "limit": limit}
        return self._run(list_call(
            self._client,
            lambda cur, pg: call("invitations.list", path_params={"organization_id": organization_id}, params={**params, "cursor": cur, "page": pg}),
            Invitation, cursor=cursor, page=page))

    def get_invite(self, organization_id: str, invitation_id: str) -> Invitation:
        return self._run(call("invitations.get", path_params={"organization_id": organization_id, "invitation_id": invitation_id},
                              parse=Invitation.from_dict))

    def resend_invite(self, organization_id: str, invitation_id: str) -> Invitation:
        return self._run(call("invitations.resend", path_params={"organization_id": organization_id, "invitation_id": invitation_id},
                              parse=Invitation.from_dict))

    def revoke_invite(self, organization_id: str, invitation_id: str) -> Any:
        return self._run(call("invitations.revoke", path_params={"organization_id": organization_id, "invitation_id": invitation_id}))

    def preview_invite(self, token: str) -> Dict[str, Any]:
        """What an invitation token is for (organization, role, email) — public, the token is the credential."""
        return self._run(call("invitations.preview", params={"token": token}, auth=NONE))

    def accept_invite(self, token: str, password: Optional[str] = None, first_name: Optional[str] = None,
                      last_name: Optional[str] = None, **fields: Any):
        """Accept as the signed-in invitee → :class:`InvitationAcceptance`. Without an account, pass a
        ``password`` (and a name): the account is created, and this client signed in → :class:`AuthResult`."""
        if password is None:
            return self._run(call("invitations.accept", json=body(token=token), parse=InvitationAcceptance.from_dict))
        b = body(token=token, password=password, first_name=first_name, last_name=last_name, **fields)
        return self._run(call("invitations.accept", json=b, auth=NONE, parse=self._client._store_auth))
