"""Models of the Janua API: dataclasses built from the server's camelCase JSON (``firstName`` → ``first_name``).

Unknown fields never fail parsing and every model keeps the JSON it came from in ``raw``, so fields the server
adds later are reachable before the SDK names them (``user.raw["newField"]`` or ``user["newField"]``).
Models can be read like dicts too (``result["user"]``), as seed 003's examples do. Secrets (tokens, keys,
TOTP seeds, backup codes) are left out of ``repr`` so they do not end up in logs.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, Dict, List, Mapping, Optional

from ._naming import snake

# ---------------------------------------------------------------- model base

class Model:
    """Base of the dataclass models: ``from_dict``, dict-style reads, ``raw`` JSON."""

    _nested: ClassVar[Dict[str, Any]] = {}
    _aliases: ClassVar[Dict[str, str]] = {}  # server key → field name, where it differs from snake_case

    @classmethod
    def from_dict(cls, data: Optional[Mapping[str, Any]]):
        if data is None:
            return None
        if not isinstance(data, Mapping):
            raise TypeError(f"{cls.__name__} expects a JSON object, got {type(data).__name__}")
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs: Dict[str, Any] = {}
        for key, value in data.items():
            name = cls._aliases.get(key) or snake(key)
            if name in names and name != "raw" and name not in kwargs:
                kwargs[name] = cls._convert(name, value)
        obj = cls(**kwargs)
        obj.raw = dict(data)
        return obj

    @classmethod
    def _convert(cls, name: str, value: Any) -> Any:
        target = cls._nested.get(name)
        if target is None or value is None:
            return value
        if isinstance(target, list):
            return [target[0].from_dict(v) if isinstance(v, Mapping) else v for v in value]
        return target.from_dict(value) if isinstance(value, Mapping) else value

    def __getitem__(self, key: str) -> Any:
        name = snake(key)
        if any(f.name == name for f in dataclasses.fields(self)):
            return getattr(self, name)
        return self.raw[key]

    def get(self, key: str, default: Any = None) -> Any:
        try:
            value = self[key]
        except KeyError:
            return default
        return default if value is None else value

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def to_dict(self) -> Dict[str, Any]:
        """The JSON object the model came from (camelCase, as the server sent it)."""
        return dict(self.raw)


def _model(cls):
    """dataclass with every field optional and a ``raw`` dict, not part of equality or repr."""
    cls.__annotations__["raw"] = Dict[str, Any]
    cls.raw = field(default_factory=dict, repr=False, compare=False)
    return dataclass(cls)


# ---------------------------------------------------------------- models

@_model
class User(Model):
    id: Optional[str] = None
    email: Optional[str] = None
    username: Optional[str] = None
    first_name: Optional[str] = None
    last_name: Optional[str] = None
    phone_number: Optional[str] = None
    phone_verified: Optional[bool] = None
    profile_image_url: Optional[str] = None
    bio: Optional[str] = None
    timezone: Optional[str] = None
    locale: Optional[str] = None
    metadata: Optional[Dict[str, Any]] = None
    email_verified: Optional[bool] = None
    mfa_enabled: Optional[bool] = None
    is_admin: Optional[bool] = None
    status: Optional[str] = None
    role: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None
    last_sign_in_at: Optional[str] = None
    # admin view
    failed_attempts: Optional[int] = None
    locked: Optional[bool] = None
    locked_until: Optional[str] = None
    suspension: Optional[Dict[str, Any]] = None


@_model
class Tokens(Model):
    access_token: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    refresh_token: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    expires_in: Optional[int] = None
    token_type: Optional[str] = None
    expires_at: Optional[str] = None


@_model
class SessionRef(Model):
    id: Optional[str] = None
    expires_at: Optional[str] = None


@_model
class TrustedDevice(Model):
    id: Optional[str] = None
    device_token: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    name: Optional[str] = None
    expires_at: Optional[str] = None
    created_at: Optional[str] = None
    last_used_at: Optional[str] = None


@_model
class AuthResult(Model):
    """What sign-in, sign-up, MFA completion, magic links and invitation sign-up answer.

    ``result["user"]``, ``result["session"]``, ``result["tokens"]`` (or attributes). With a second factor
    due, ``requires_mfa`` is true, ``mfa_token`` and ``methods`` are set and there are no tokens.
    """
    user: Optional[User] = None
    tokens: Optional[Tokens] = None
    session: Optional[SessionRef] = None
    requires_mfa: Optional[bool] = None
    requires_mfa_enrollment: Optional[bool] = None
    requires_email_verification: Optional[bool] = None
    mfa_token: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    mfa_token_expires_at: Optional[str] = None
    methods: Optional[List[str]] = None
    trusted_device: Optional[TrustedDevice] = None
    invitation: Optional[Dict[str, Any]] = None
    _nested = {"user": User, "tokens": Tokens, "session": SessionRef, "trusted_device": TrustedDevice}


@_model
class DeviceInfo(Model):
    browser: Optional[str] = None
    browser_version: Optional[str] = None
    os: Optional[str] = None
    os_version: Optional[str] = None
    device_type: Optional[str] = None
    # from the session
    name: Optional[str] = None
    ip_address: Optional[str] = None
    user_agent: Optional[str] = None
    session_id: Optional[str] = None


@_model
class Session(Model):
    id: Optional[str] = None
    user_id: Optional[str] = None
    device_info: Optional[DeviceInfo] = None
    device: Optional[str] = None
    ip_address: Optional[str] = None
    user_agent: Optional[str] = None
    auth_method: Optional[str] = None
    remember_me: Optional[bool] = None
    is_current: Optional[bool] = None
    is_active: Optional[bool] = None
    created_at: Optional[str] = None
    last_active_at: Optional[str] = None
    expires_at: Optional[str] = None
    revoked_at: Optional[str] = None
    _nested = {"device_info": DeviceInfo}


@_model
class Organization(Model):
    id: Optional[str] = None
    name: Optional[str] = None
    slug: Optional[str] = None
    description: Optional[str] = None
    domain: Optional[str] = None
    logo_url: Optional[str] = None
    billing_email: Optional[str] = None
    member_count: Optional[int] = None
    settings: Optional[Dict[str, Any]] = None
    created_by: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None
    user_role: Optional[str] = None
    user_permissions: Optional[List[str]] = None


@_model
class Member(Model):
    id: Optional[str] = None
    user_id: Optional[str] = None
    organization_id: Optional[str] = None
    email: Optional[str] = None
    first_name: Optional[str] = None
    last_name: Optional[str] = None
    status: Optional[str] = None
    email_verified: Optional[bool] = None
    role: Optional[str] = None
    role_id: Optional[str] = None
    role_name: Optional[str] = None
    permissions: Optional[List[str]] = None
    extra_permissions: Optional[List[str]] = None
    joined_at: Optional[str] = None
    last_active_at: Optional[str] = None


@_model
class Invitation(Model):
    id: Optional[str] = None
    organization_id: Optional[str] = None
    email: Optional[str] = None
    role: Optional[str] = None
    role_id: Optional[str] = None
    permissions: Optional[List[str]] = None
    message: Optional[str] = None
    status: Optional[str] = None
    expires_at: Optional[str] = None
    sent_count: Optional[int] = None
    invited_by: Optional[str] = None
    created_at: Optional[str] = None
    accepted_at: Optional[str] = None
    organization: Optional[Dict[str, Any]] = None


@_model
class InvitationAcceptance(Model):
    invitation: Optional[Dict[str, Any]] = None
    organization: Optional[Organization] = None
    role: Optional[str] = None
    _nested = {"organization": Organization}


@_model
class Role(Model):
    id: Optional[str] = None
    key: Optional[str] = None
    name: Optional[str] = None
    description: Optional[str] = None
    permissions: Optional[List[str]] = None
    is_system: Optional[bool] = None
    organization_id: Optional[str] = None
    member_count: Optional[int] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


@_model
class Permission(Model):
    id: Optional[str] = None
    name: Optional[str] = None
    description: Optional[str] = None
    category: Optional[str] = None
    platform: Optional[bool] = None


@_model
class PermissionResult(Model):
    permission: Optional[str] = None
    granted: Optional[bool] = None
    source: Optional[str] = None
    reason: Optional[str] = None


@_model
class PermissionCheck(Model):
    user_id: Optional[str] = None
    organization_id: Optional[str] = None
    resource_id: Optional[str] = None
    granted: Optional[bool] = None
    results: Optional[List[PermissionResult]] = None
    _nested = {"results": [PermissionResult]}

    def __bool__(self) -> bool:
        return bool(self.granted)


@_model
class ApiKey(Model):
    id: Optional[str] = None
    name: Optional[str] = None
    key: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    key_prefix: Optional[str] = None
    scope: Optional[str] = None
    organization_id: Optional[str] = None
    permissions: Optional[List[str]] = None
    status: Optional[str] = None
    created_by: Optional[str] = None
    created_at: Optional[str] = None
    expires_at: Optional[str] = None
    last_used_at: Optional[str] = None
    revoked_at: Optional[str] = None


@_model
class TOTPSetup(Model):
    type: Optional[str] = None
    secret: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    otpauth_uri: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    qr_code_url: Optional[str] = None
    qr_code: Optional[str] = None
    backup_codes: Optional[List[str]] = field(default=None, repr=False)  # a secret: kept out of repr/logs


@_model
class SMSSetup(Model):
    type: Optional[str] = None
    sent: Optional[bool] = None
    phone_number: Optional[str] = None
    expires_at: Optional[str] = None
    restricted: Optional[bool] = None


@_model
class MFAVerification(Model):
    verified: Optional[bool] = None
    mfa_enabled: Optional[bool] = None
    method: Optional[str] = None
    restricted: Optional[bool] = None
    message: Optional[str] = None


@_model
class MFAStatus(Model):
    enabled: Optional[bool] = None
    required: Optional[bool] = None
    methods: Optional[List[Dict[str, Any]]] = None
    backup_codes: Optional[Dict[str, Any]] = None


@_model
class BackupCodes(Model):
    codes: Optional[List[str]] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    remaining: Optional[int] = None
    total: Optional[int] = None
    generated_at: Optional[str] = None
    _aliases = {"backupCodes": "codes"}


@_model
class MFAChallenge(Model):
    """A second-factor challenge. ``id`` is the sign-in's ``mfaToken`` (``tmp_…``), or ``stepup_…`` for a
    step-up check of an already signed-in user."""
    id: Optional[str] = None
    method: Optional[str] = None
    methods: Optional[List[str]] = None
    expires_at: Optional[str] = None
    sent: Optional[bool] = None
    phone_number: Optional[str] = None


@_model
class MagicLink(Model):
    success: Optional[bool] = None
    message: Optional[str] = None
    link_id: Optional[str] = None
    expires_at: Optional[str] = None


@_model
class WebhookEndpoint(Model):
    id: Optional[str] = None
    url: Optional[str] = None
    description: Optional[str] = None
    events: Optional[List[str]] = None
    active: Optional[bool] = None
    disabled_reason: Optional[str] = None
    organization_id: Optional[str] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None
    signing_secret: Optional[str] = field(default=None, repr=False)  # a secret: kept out of repr/logs
    previous_secret_valid_until: Optional[str] = None
    _aliases = {"secret": "signing_secret"}

    @property
    def enabled(self) -> Optional[bool]:
        return self.active

    @property
    def secret(self) -> Optional[str]:
        return self.signing_secret


@_model
class WebhookDelivery(Model):
    id: Optional[str] = None
    webhook_id: Optional[str] = None
    event_id: Optional[str] = None
    event_type: Optional[str] = None
    status: Optional[str] = None
    success: Optional[bool] = None
    attempts: Optional[int] = None
    next_attempt_at: Optional[str] = None
    last_status_code: Optional[int] = None
    last_error: Optional[str] = None
    created_at: Optional[str] = None
    completed_at: Optional[str] = None
    payload: Optional[str] = None
    attempt_log: Optional[List[Dict[str, Any]]] = None


@_model
class WebhookEvent(Model):
    """A received webhook payload (what :func:`janua.utils.verify_webhook` returns)."""
    id: Optional[str] = None
    type: Optional[str] = None
    data: Optional[Dict[str, Any]] = None
    organization_id: Optional[str] = None
    timestamp: Optional[str] = None
    api_version: Optional[str] = None


@_model
class AuditLog(Model):
    id: Optional[str] = None
    position: Optional[int] = None
    event_id: Optional[str] = None
    event_type: Optional[str] = None
    timestamp: Optional[str] = None
    user_id: Optional[str] = None
    actor_id: Optional[str] = None
    subject_id: Optional[str] = None
    organization_id: Optional[str] = None
    ip_address: Optional[str] = None
    user_agent: Optional[str] = None
    request_id: Optional[str] = None
    details: Optional[Dict[str, Any]] = None
    risk: Optional[Dict[str, Any]] = None
    hash_chain: Optional[str] = None
    previous_hash: Optional[str] = None
    verified: Optional[bool] = None


@_model
class AuditVerification(Model):
    valid: Optional[bool] = None
    records_checked: Optional[int] = None
    last_position: Optional[int] = None
    first_invalid_position: Optional[int] = None
    first_invalid_id: Optional[str] = None
    reason: Optional[str] = None
    elapsed_millis: Optional[int] = None


@_model
class Passkey(Model):
    id: Optional[str] = None
    name: Optional[str] = None
    display_name: Optional[str] = None
    credential_id: Optional[str] = None
    created_at: Optional[str] = None
    last_used_at: Optional[str] = None


@_model
class PasskeyChallenge(Model):
    """WebAuthn options from the server; ``options`` is what ``navigator.credentials.create/get`` takes."""
    id: Optional[str] = None
    challenge_id: Optional[str] = None
    options: Optional[Dict[str, Any]] = None
    public_key: Optional[Dict[str, Any]] = None
    expires_at: Optional[str] = None

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = self.challenge_id


@_model
class OAuthURL(Model):
    auth_url: Optional[str] = None
    state: Optional[str] = None
    _aliases = {"url": "auth_url", "authorizationUrl": "auth_url"}

    def __str__(self) -> str:
        return self.auth_url or ""
