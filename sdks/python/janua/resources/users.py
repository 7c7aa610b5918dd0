"""``client.users``: the admin user API (platform admins or platform API keys), and yourself by id."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .._http import ADMIN, DEFAULT
from .._resource import Resource, body, call
from ..exceptions import ValidationError
from ..pagination import list_call
from ..types import PermissionCheck, User, value_of


def page_of(offset: Optional[int], limit: Optional[int], page: Optional[int]) -> Optional[int]:
    """Seed 003's ``offset`` as the server's 1-based ``page`` (offset must be a multiple of limit)."""
    if offset is None:
        return page
    size = limit or 50
    if offset % size:
        raise ValidationError(f"offset ({offset}) must be a multiple of limit ({size}); or page with cursor",
                              code="VALIDATION_ERROR", details={"field": "offset", "reason": "not_a_multiple_of_limit"})
    return offset // size + 1


class Users(Resource):
    def _auth(self, user_id: str) -> str:
        """Yourself: your session; anyone else: the admin credential (API key first)."""
        s = self._client._session
        return DEFAULT if (s is not None and user_id in ("me", s.user_id)) else ADMIN

    def list(self, limit: Optional[int] = None, offset: Optional[int] = None, search: Optional[str] = None,
             email_verified: Optional[bool] = None, status: Optional[str] = None, organization_id: Optional[str] = None,
             created_after: Optional[str] = None, created_before: Optional[str] = None, sort: Optional[str] = None,
             include_total: Optional[bool] = None, cursor: Optional[str] = None, page: Optional[int] = None, email: Optional[str] = None):
        first_page = page_of(offset, limit, page)
        params = {"limit": limit, "search": search, "emailVerified": email_verified, "status": value_of(status),
                  "organizationId": organization_id, "createdAfter": created_after, "createdBefore": created_before,
                  "sort": sort, "includeTotal": include_total, "email": email}
        return self._run(list_call(self._client, lambda cur, pg: call("users.list", params={**params, "cursor": cur, "page": pg}, auth=ADMIN),
                                   User, cursor=cursor, page=first_page))

    def get(self, user_id: str) -> User:
        return self._run(call("users.get", path_params={"user_id": user_id}, auth=self._auth(user_id), parse=User.from_dict))

    def get_by_email(self, email: str) -> User:
        return self._run(call("users.by_email", params={"email": email}, auth=ADMIN, parse=User.from_dict))

    def create(self, email: str, password: Optional[str] = None, first_name: Optional[str] = None,
               last_name: Optional[str] = None, **fields: Any) -> User:
        b = body(email=email, password=password, first_name=first_name, last_name=last_name, **fields)
        return self._run(call("users.create", json=b, auth=ADMIN, parse=User.from_dict))

    def update(self, user_id: str, **fields: Any) -> User:
        """Profile fields (``first_name``, ``last_name``, ``phone_number``, ``bio``, …); admins also ``email``,
        ``email_verified``, ``is_admin``. Absent fields stay unchanged."""
        return self._run(call("users.update", path_params={"user_id": user_id}, json=body(**fields), auth=self._auth(user_id),
                              parse=User.from_dict))

    def update_email(self, user_id: str, new_email: str, require_verification: bool = True) -> User:
        """Change the email; with ``require_verification`` it is unverified until the user confirms it."""
        b = body(email=new_email, email_verified=not require_verification)
        return self._run(call("users.update", path_params={"user_id": user_id}, json=b, auth=ADMIN, parse=User.from_dict))

    def suspend(self, user_id: str, reason: Optional[str] = None, duration: Optional[int] = None) -> User:
        """Suspend (every session of the user ends at once); ``duration`` in seconds, else until unsuspended."""
        return self._run(call("users.suspend", path_params={"user_id": user_id}, json=body(reason=reason, duration=duration),
                              auth=ADMIN, parse=User.from_dict))

    def unsuspend(self, user_id: str) -> User:
        return self._run(call("users.unsuspend", path_params={"user_id": user_id}, auth=ADMIN, parse=User.from_dict))

    def unlock(self, user_id: str) -> User:
        return self._run(call("users.unlock", path_params={"user_id": user_id}, auth=ADMIN, parse=User.from_dict))

    def delete(self, user_id: str) -> None:
        return self._run(call("users.delete", path_params={"user_id": user_id}, auth=ADMIN, parse=lambda d: None))

    def get_roles(self, user_id: str = "me") -> Dict[str, Any]:
        """The user's role and permissions in each organization."""
        return self._run(call("users.roles", path_params={"user_id": user_id}))

    def check_permissions(self, user_id: str, permissions: List[str], organization_id: Optional[str] = None,
                          resource_id: Optional[str] = None) -> PermissionCheck:
        """May the user do these things in the organization? Truthy when all are granted; ``results`` per permission."""
        b = {"permissions": list(permissions), "context": body(organization_id=organization_id, resource_id=resource_id)}
        return self._run(call("users.check_permissions", path_params={"user_id": user_id}, json=b, parse=PermissionCheck.from_dict))

    def has_permission(self, user_id: str, permission: str, organization_id: Optional[str] = None) -> bool:
        c = call("users.check_permissions", path_params={"user_id": user_id},
                 json={"permissions": [permission], "context": body(organization_id=organization_id)},
                 parse=lambda d: bool(PermissionCheck.from_dict(d).granted))
        return self._run(c)
