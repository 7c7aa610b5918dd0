"""Every route the SDK calls, in one table: ``name → (method, path under /api/v1)``.

The server's canonical paths (docs/*.md). ``tests/test_openapi_drift.py`` fails when a route here is
missing from the running server's ``/openapi.json`` (routes of features the server does not have yet are
listed in ``PENDING_SERVER_FEATURES`` and checked the other way round: the test fails once they appear,
so the SDK gets re-checked against the real shapes).
"""
from __future__ import annotations

from typing import Dict, Tuple
from urllib.parse import quote

ROUTES: Dict[str, Tuple[str, str]] = {
    # auth
    "auth.sign_up": ("POST", "/auth/signup"),
    "auth.sign_in": ("POST", "/auth/signin"),
    "auth.sign_out": ("POST", "/auth/signout"),
    "auth.refresh": ("POST", "/auth/refresh"),
    "auth.me": ("GET", "/auth/me"),
    "auth.update_profile": ("PATCH", "/users/me"),
    "auth.delete_account": ("DELETE", "/users/me"),
    "auth.forgot_password": ("POST", "/auth/password/forgot"),
    "auth.reset_password": ("POST", "/auth/password/reset"),
    "auth.change_password": ("POST", "/users/me/password"),
    "auth.send_verification_email": ("POST", "/users/me/verify-email/send"),
    "auth.verify_email": ("POST", "/users/me/verify-email/confirm"),
    "auth.mfa_complete": ("POST", "/auth/login/mfa"),
    "auth.mfa_send_sms": ("POST", "/auth/login/mfa/sms"),
    # social login (server side being built)
    "oauth.url": ("GET", "/auth/oauth/{provider}/url"),
    "oauth.callback": ("POST", "/auth/oauth/{provider}/callback"),
    "oauth.link": ("POST", "/auth/oauth/{provider}/link"),
    "oauth.unlink": ("DELETE", "/auth/oauth/{provider}"),
    # magic links
    "magic_links.send": ("POST", "/auth/magic-link"),
    "magic_links.verify": ("POST", "/auth/magic-link/verify"),
    "magic_links.exchange": ("POST", "/auth/magic-link/exchange"),
    # users (admin API; yourself for get/update)
    "users.list": ("GET", "/users"),
    "users.create": ("POST", "/users"),
    "users.by_email": ("GET", "/users/by-email"),
    "users.get": ("GET", "/users/{user_id}"),
    "users.update": ("PATCH", "/users/{user_id}"),
    "users.delete": ("DELETE", "/users/{user_id}"),
    "users.suspend": ("POST", "/admin/users/{user_id}/suspend"),
    "users.unsuspend": ("POST", "/admin/users/{user_id}/unsuspend"),
    "users.unlock": ("POST", "/admin/users/{user_id}/unlock"),
    "users.roles": ("GET", "/users/{user_id}/roles"),
    "users.check_permissions": ("POST", "/users/{user_id}/permissions/check"),
    # organizations
    "organizations.create": ("POST", "/organizations"),
    "organizations.list": ("GET", "/organizations"),
    "organizations.get": ("GET", "/organizations/{organization_id}"),
    "organizations.update": ("PATCH", "/organizations/{organization_id}"),
    "organizations.delete": ("DELETE", "/organizations/{organization_id}"),
    "organizations.join": ("POST", "/organizations/{organization_id}/join"),
    "organizations.list_all": ("GET", "/admin/organizations"),
    "members.list": ("GET", "/organizations/{organization_id}/members"),
    "members.get": ("GET", "/organizations/{organization_id}/members/{user_id}"),
    "members.add": ("POST", "/organizations/{organization_id}/members"),
    "members.update": ("PATCH", "/organizations/{organization_id}/members/{user_id}"),
    "members.remove": ("DELETE", "/organizations/{organization_id}/members/{user_id}"),
    "invitations.create": ("POST", "/organizations/{organization_id}/invitations"),
    "invitations.list": ("GET", "/organizations/{organization_id}/invitations"),
    "invitations.get": ("GET", "/organizations/{organization_id}/invitations/{invitation_id}"),
    "invitations.revoke": ("DELETE", "/organizations/{organization_id}/invitations/{invitation_id}"),
    "invitations.resend": ("POST", "/organizations/{organization_id}/invitations/{invitation_id}/resend"),
    "invitations.preview": ("GET", "/invitations/accept"),
    "invitations.accept": ("POST", "/invitations/accept"),
    # roles and permissions
    "roles.list": ("GET", "/roles"),
    "roles.create": ("POST", "/roles"),
    "roles.get": ("GET", "/roles/{role_id}"),
    "roles.update": ("PATCH", "/roles/{role_id}"),
    "roles.delete": ("DELETE", "/roles/{role_id}"),
    "permissions.list": ("GET", "/permissions"),
    # API keys
    "api_keys.create": ("POST", "/api-keys"),
    "api_keys.list": ("GET", "/api-keys"),
    "api_keys.get": ("GET", "/api-keys/{key_id}"),
    "api_keys.revoke": ("DELETE", "/api-keys/{key_id}"),
    # MFA
    "mfa.status": ("GET", "/mfa"),
    "mfa.setup": ("POST", "/auth/mfa/enable"),
    "mfa.verify": ("POST", "/auth/mfa/verify"),
    "mfa.disable": ("POST", "/mfa/disable"),
    "mfa.sms_setup": ("POST", "/mfa/sms/setup"),
    "mfa.sms_verify": ("POST", "/mfa/sms/verify"),
    "mfa.backup_codes": ("GET", "/mfa/backup-codes"),
    "mfa.backup_codes_regenerate": ("POST", "/mfa/backup-codes/regenerate"),
    "mfa.trusted_devices": ("GET", "/mfa/trusted-devices"),
    "mfa.trusted_device_revoke": ("DELETE", "/mfa/trusted-devices/{device_id}"),
    "mfa.trusted_devices_revoke_all": ("DELETE", "/mfa/trusted-devices"),
    # passkeys (server side being built)
    "passkeys.register_options": ("POST", "/passkeys/register/options"),
    "passkeys.register": ("POST", "/passkeys/register"),
    "passkeys.authenticate_options": ("POST", "/passkeys/authenticate/options"),
    "passkeys.authenticate": ("POST", "/passkeys/authenticate"),
    "passkeys.list": ("GET", "/passkeys"),
    "passkeys.delete": ("DELETE", "/passkeys/{passkey_id}"),
    # sessions
    "sessions.list": ("GET", "/sessions"),
    "sessions.current": ("GET", "/sessions/current"),
    "sessions.get": ("GET", "/sessions/{session_id}"),
    "sessions.revoke": ("DELETE", "/sessions/{session_id}"),
    "sessions.revoke_others": ("DELETE", "/sessions"),
    # webhooks
    "webhooks.events": ("GET", "/webhooks/events"),
    "webhooks.create": ("POST", "/webhooks"),
    "webhooks.list": ("GET", "/webhooks"),
    "webhooks.get": ("GET", "/webhooks/{endpoint_id}"),
    "webhooks.update": ("PATCH", "/webhooks/{endpoint_id}"),
    "webhooks.delete": ("DELETE", "/webhooks/{endpoint_id}"),
    "webhooks.rotate_secret": ("POST", "/webhooks/{endpoint_id}/rotate-secret"),
    "webhooks.secret": ("GET", "/webhooks/{endpoint_id}/secret"),
    "webhooks.test": ("POST", "/webhooks/{endpoint_id}/test"),
    "webhooks.deliveries": ("GET", "/webhooks/{endpoint_id}/deliveries"),
    "webhooks.delivery": ("GET", "/webhooks/{endpoint_id}/deliveries/{delivery_id}"),
    "webhooks.redeliver": ("POST", "/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver"),
    # audit log
    "audit.list": ("GET", "/audit-logs"),
    "audit.list_all": ("GET", "/admin/audit-logs"),
    "audit.verify": ("GET", "/admin/audit-logs/verify"),
    "audit.export": ("GET", "/admin/audit-logs/export"),
}

# Routes outside /api/v1 (root of the server).
ROOT_ROUTES: Dict[str, Tuple[str, str]] = {
    "health": ("GET", "/health"),
    "ready": ("GET", "/ready"),
    "openapi": ("GET", "/openapi.json"),
}

# Features whose server side is being built in parallel (passkeys, social login): the SDK has the
# seed's methods; the drift test reports when the server starts serving them.
PENDING_SERVER_FEATURES = ("oauth.", "passkeys.")


def route(name: str, **params: str) -> Tuple[str, str]:
    """(method, path) of a route with its ``{placeholders}`` filled in (URL-quoted)."""
    method, path = ROUTES.get(name) or ROOT_ROUTES[name]
    if params:
        path = path.format(**{k: quote(str(v), safe="") for k, v in params.items()})
    return method, path
