"""Enums of the Janua API (their values are the server's strings), and the models re-exported.

``from janua.types import OAuthProvider, OrganizationRole, MFAMethod, WebhookEventType`` as in seed 003;
the models live in :mod:`janua.models`.
"""
from __future__ import annotations

from enum import Enum
from typing import Any

from ._naming import camel, snake
from .models import (  # the models are part of janua.types' public surface too
    Model, User, Tokens, SessionRef, TrustedDevice, AuthResult, DeviceInfo, Session, Organization, Member,
    Invitation, InvitationAcceptance, Role, Permission, PermissionResult, PermissionCheck, ApiKey, TOTPSetup,
    SMSSetup, MFAVerification, MFAStatus, BackupCodes, MFAChallenge, MagicLink, WebhookEndpoint,
    WebhookDelivery, WebhookEvent, AuditLog, AuditVerification, Passkey, PasskeyChallenge, OAuthURL,
)


# ---------------------------------------------------------------- enums (values are the server's strings)

class _StrEnum(str, Enum):
    def __str__(self) -> str:
        return self.value


class OAuthProvider(_StrEnum):
    GOOGLE = "google"
    GITHUB = "github"
    MICROSOFT = "microsoft"
    APPLE = "apple"
    DISCORD = "discord"
    TWITTER = "twitter"
    LINKEDIN = "linkedin"


class OrganizationRole(_StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    MEMBER = "member"
    VIEWER = "viewer"


class MFAMethod(_StrEnum):
    TOTP = "totp"
    SMS = "sms"
    BACKUP_CODE = "backup_code"


class UserStatus(_StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    SUSPENDED = "suspended"


class WebhookEventType(_StrEnum):
    """The server's event catalogue (``GET /webhooks/events``); subscriptions also take ``prefix.*`` and ``*``."""
    USER_CREATED = "user.created"
    USER_UPDATED = "user.updated"
    USER_DELETED = "user.deleted"
    USER_EMAIL_VERIFIED = "user.email_verified"
    USER_PASSWORD_CHANGED = "user.password_changed"
    USER_SIGNED_IN = "user.signin"
    USER_SIGNED_OUT = "user.signout"
    USER_SIGNIN_FAILED = "user.signin_failed"
    SESSION_CREATED = "session.created"
    SESSION_REVOKED = "session.revoked"
    SESSION_EXPIRED = "session.expired"
    SESSION_REFRESH_TOKEN_REUSED = "session.refresh_token_reused"
    MFA_ENABLED = "mfa.enabled"
    MFA_DISABLED = "mfa.disabled"
    PASSKEY_REGISTERED = "passkey.registered"
    PASSKEY_REMOVED = "passkey.removed"
    ORGANIZATION_CREATED = "organization.created"
    ORGANIZATION_UPDATED = "organization.updated"
    ORGANIZATION_DELETED = "organization.deleted"
    ORGANIZATION_MEMBER_ADDED = "organization.member_added"
    ORGANIZATION_MEMBER_REMOVED = "organization.member_removed"
    ORGANIZATION_ROLE_CHANGED = "organization.role_changed"
    INVITATION_CREATED = "invitation.created"
    INVITATION_ACCEPTED = "invitation.accepted"
    INVITATION_REVOKED = "invitation.revoked"
    INVITATION_EXPIRED = "invitation.expired"
    WEBHOOK_CREATED = "webhook.created"
    WEBHOOK_UPDATED = "webhook.updated"
    WEBHOOK_DELETED = "webhook.deleted"
    WEBHOOK_DISABLED = "webhook.disabled"
    WEBHOOK_SECRET_ROTATED = "webhook.secret_rotated"
    WEBHOOK_DELIVERY_FAILED = "webhook.delivery_failed"
    WEBHOOK_TEST = "webhook.test"
    ALL = "*"


def value_of(v: Any) -> Any:
    """An enum's server string, a plain value unchanged."""
    return v.value if isinstance(v, Enum) else v


__all__ = [
    "camel", "snake", "value_of", "OAuthProvider", "OrganizationRole", "MFAMethod", "UserStatus",
    "WebhookEventType", "Model", "User", "Tokens", "SessionRef", "TrustedDevice", "AuthResult",
    "DeviceInfo", "Session", "Organization", "Member", "Invitation", "InvitationAcceptance", "Role",
    "Permission", "PermissionResult", "PermissionCheck", "ApiKey", "TOTPSetup", "SMSSetup",
    "MFAVerification", "MFAStatus", "BackupCodes", "MFAChallenge", "MagicLink", "WebhookEndpoint",
    "WebhookDelivery", "WebhookEvent", "AuditLog", "AuditVerification", "Passkey", "PasskeyChallenge",
    "OAuthURL",
]
