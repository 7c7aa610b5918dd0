"""Exceptions raised by the Janua SDK.

Every server error body is ``{"error": {"code", "message", "details", "requestId", "timestamp"}}``.
One base class, :class:`JanuaError`, carries those fields; subclasses are chosen by HTTP status so
``except AuthenticationError`` reads naturally, while ``code`` stays the precise, stable reason.
"""
from __future__ import annotations

import re
from typing import Any, Mapping, Optional

__all__ = [
    "JanuaError", "ValidationError", "AuthenticationError", "AuthorizationError", "NotFoundError",
    "ConflictError", "GoneError", "RateLimitError", "ServerError", "NetworkError", "TimeoutError",
    "NotSupportedError", "WebhookVerificationError", "error_for_status",
]

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def _snake_aliases(details: Mapping[str, Any]) -> dict:
    """The server's details, plus a snake_case alias of each camelCase key (``retryAfter`` → ``retry_after``)."""
    out = dict(details)
    for key, value in details.items():
        snake = _CAMEL.sub("_", key).lower()
        out.setdefault(snake, value)
    return out


class JanuaError(Exception):
    """Base of every SDK error.

    Attributes: ``message``, ``code`` (stable UPPER_SNAKE), ``status_code`` (HTTP status, ``None`` when no
    answer came), ``details`` (dict, never ``None``), ``request_id``, ``timestamp``, ``headers``.
    """

    def __init__(self, message: str, *, code: str = "ERROR", status_code: Optional[int] = None,
                 details: Optional[Mapping[str, Any]] = None, request_id: Optional[str] = None,
                 timestamp: Optional[str] = None, headers: Optional[Mapping[str, str]] = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status_code = status_code
        self.details = _snake_aliases(details or {})
        self.request_id = request_id
        self.timestamp = timestamp
        self.headers = dict(headers or {})

    def __str__(self) -> str:
        where = f", request_id={self.request_id}" if self.request_id else ""
        status = f"{self.status_code} " if self.status_code else ""
        return f"{status}{self.code}: {self.message}{where}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, status_code={self.status_code!r}, message={self.message!r}, request_id={self.request_id!r})"


class ValidationError(JanuaError):
    """400 / 422: the request was refused as invalid (``details.field`` / ``details.reason`` say what)."""


class AuthenticationError(JanuaError):
    """401 / 423: no valid credentials — wrong password, expired session, wrong MFA code, locked account."""


class AuthorizationError(JanuaError):
    """403: authenticated but not allowed (``INSUFFICIENT_PERMISSIONS``, ``ACCOUNT_SUSPENDED`` …)."""


class NotFoundError(JanuaError):
    """404: no such resource (or not visible to the caller)."""


class ConflictError(JanuaError):
    """409: the state does not allow it (``EMAIL_ALREADY_EXISTS``, ``LAST_OWNER`` …)."""


class GoneError(JanuaError):
    """410: the resource existed but is no longer usable (``INVITATION_EXPIRED``, ``INVITATION_REVOKED``)."""


class RateLimitError(JanuaError):
    """429: too many requests. ``retry_after`` is in seconds (also ``details["retry_after"]``)."""

    def __init__(self, message: str, *, retry_after: Optional[float] = None, limit: Optional[int] = None,
                 remaining: Optional[int] = None, reset_at: Optional[int] = None, **kw: Any):
        super().__init__(message, **kw)
        self.retry_after = retry_after
        self.limit = limit
        self.remaining = remaining
        self.reset_at = reset_at
        if retry_after is not None:
            self.details.setdefault("retry_after", retry_after)
            self.details.setdefault("retryAfter", retry_after)


class ServerError(JanuaError):
    """5xx: the server failed; safe to retry later (idempotent calls are retried automatically)."""


class NetworkError(JanuaError):
    """No answer: connection refused, reset, DNS failure (code ``NETWORK_ERROR``)."""


class TimeoutError(NetworkError):  # noqa: A001 - the SDK's own timeout type, also a NetworkError
    """No answer within ``timeout`` (code ``TIMEOUT``)."""


class NotSupportedError(JanuaError):
    """The call has no counterpart on this Janua server yet (code ``NOT_SUPPORTED``); nothing was sent."""


class WebhookVerificationError(JanuaError):
    """A webhook's signature or timestamp did not verify (code ``INVALID_SIGNATURE`` or ``TIMESTAMP_OUT_OF_RANGE``)."""


_BY_STATUS = {400: ValidationError, 401: AuthenticationError, 403: AuthorizationError, 404: NotFoundError,
              409: ConflictError, 410: GoneError, 422: ValidationError, 423: AuthenticationError, 429: RateLimitError}


def error_for_status(status: int) -> type:
    """The exception class for an HTTP status."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    return JanuaError
