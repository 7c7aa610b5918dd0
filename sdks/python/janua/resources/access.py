"""``client.api_keys``, ``client.roles``, ``client.permissions``: server-side keys and RBAC."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .._resource import Resource, body, call
from ..pagination import list_call
from ..types import ApiKey, Permission, Role


def _org_header(organization_id: Optional[str]) -> Dict[str, str]:
    return {"X-Organization-ID": organization_id} if organization_id else {}


class ApiKeys(Resource):
    def create(self, name: str, permissions: List[str], organization_id: Optional[str] = None, scope: Optional[str] = None,
               expires_in: Optional[int] = None, expires_at: Optional[str] = None) -> ApiKey:
        """A key ``sk_…`` for server-side code, shown once in ``.key``. Organization keys need ``organization_id``
        (or an organization key as the caller); ``scope="platform"`` keys are made by platform admins in person."""
        b = body(name=name, permissions=list(permissions), organization_id=organization_id, scope=scope,
                 expires_in=expires_in, expires_at=expires_at)
        return self._run(call("api_keys.create", json=b, parse=ApiKey.from_dict))

    def list(self, organization_id: Optional[str] = None, limit: Optional[int] = None, cursor: Optional[str] = None,
             page: Optional[int] = None):
        params = {"organizationId": organization_id, "limit": limit}
        return self._run(list_call(self._client, lambda cur, pg: call("api_keys.list", params={**params, "cursor": cur, "page": pg}),
                                   ApiKey, cursor=cursor, page=page))

    def get(self, key_id: str, organization_id: Optional[str] = None) -> ApiKey:
        return self._run(call("api_keys.get", path_params={"key_id": key_id}, headers=_org_header(organization_id),
                              parse=ApiKey.from_dict))

    def revoke(self, key_id: str, organization_id: Optional[str] = None) -> ApiKey:
        """The key stops working at once (``401 INVALID_API_KEY``, reason ``revoked``)."""
        return self._run(call("api_keys.revoke", path_params={"key_id": key_id}, headers=_org_header(organization_id),
                              parse=ApiKey.from_dict))


class Roles(Resource):
    """Custom roles of an organization (``organization_id``, else ``X-Organization-ID`` of the key)."""

    def list(self, organization_id: Optional[str] = None) -> List[Role]:
        def parse(d: Any) -> List[Role]:
            items = d.get("data", []) if isinstance(d, dict) else d
            return [Role.from_dict(x) for x in items]
        return self._run(call("roles.list", params={"organizationId": organization_id}, headers=_org_header(organization_id), parse=parse))

    def get(self, role_id: str, organization_id: Optional[str] = None) -> Role:
        return self._run(call("roles.get", path_params={"role_id": role_id}, headers=_org_header(organization_id), parse=Role.from_dict))

    def create(self, name: str, permissions: List[str], organization_id: Optional[str] = None,
               description: Optional[str] = None, key: Optional[str] = None) -> Role:
        b = body(name=name, permissions=list(permissions), description=description, key=key, organization_id=organization_id)
        return self._run(call("roles.create", json=b, headers=_org_header(organization_id), parse=Role.from_dict))

    def update(self, role_id: str, organization_id: Optional[str] = None, **fields: Any) -> Role:
        return self._run(call("roles.update", path_params={"role_id": role_id}, json=body(**fields),
                              headers=_org_header(organization_id), parse=Role.from_dict))

    def delete(self, role_id: str, organization_id: Optional[str] = None) -> Any:
        return self._run(call("roles.delete", path_params={"role_id": role_id}, headers=_org_header(organization_id)))


class Permissions(Resource):
    def list(self, category: Optional[str] = None) -> List[Permission]:
        """The permission catalogue (``resource:action``)."""
        def parse(d: Any) -> List[Permission]:
            items = d.get("data", []) if isinstance(d, dict) else d
            return [Permission.from_dict(x) for x in items]
        return self._run(call("permissions.list", params={"category": category}, parse=parse))
