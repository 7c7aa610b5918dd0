"""Webhook signature verification (docs/webhooks.md, sdks/README.md §8).

Janua signs every delivery two ways:

* ``X-Janua-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Janua-Timestamp>.<body>")>`` — keyed with the
  secret string's UTF-8 bytes;
* Standard Webhooks: ``webhook-signature: v1,<base64 HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")>``
  with key = base64-decoded part after ``whsec_`` (two signatures, space-separated, during a rotation).
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Any, Iterable, Mapping, Optional, Union

from .exceptions import WebhookVerificationError
from .types import WebhookEvent

DEFAULT_TOLERANCE = 300  # seconds; older (or future) timestamps are refused as replays

Payload = Union[bytes, bytearray, str]


def _bytes(payload: Payload) -> bytes:
    return payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)


def _janua_signature(secret: str, timestamp: Union[int, str], body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), str(timestamp).encode("ascii") + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def _standard_key(secret: str) -> bytes:
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret[6:], validate=True)
        except (binascii.Error, ValueError):
            pass
    return secret.encode("utf-8")


def validate_webhook_signature(payload: Payload, signature: str, secret: str, timestamp: Optional[Union[int, str]] = None,
                               tolerance: int = DEFAULT_TOLERANCE, now: Optional[float] = None) -> bool:
    """True when ``signature`` (the ``X-Janua-Signature`` header) signs ``payload`` (the raw body) with ``secret``.

    Pass ``timestamp`` (the ``X-Janua-Timestamp`` header): it must be within ``tolerance`` seconds of now.
    Seed 003's three-argument form (no timestamp) works too: the signature is then accepted only if it
    matches a timestamp within ``tolerance`` of now — every second of that window is tried (~600 HMACs,
    well under a millisecond for typical payloads), which gives the same replay window.
    """
    if not signature or not secret or not signature.startswith("sha256="):
        return False
    body = _bytes(payload)
    current = int(now if now is not None else time.time())
    if timestamp is not None:
        try:
            ts = int(str(timestamp).strip())
        except ValueError:
            return False
        if abs(current - ts) > tolerance:
            return False
        return hmac.compare_digest(_janua_signature(secret, ts, body), signature)
    key = secret.encode("utf-8")
    expected = signature.encode("ascii", "replace")
    for ts in range(current - tolerance, current + tolerance + 1):
        mac = hmac.new(key, str(ts).encode("ascii") + b"." + body, hashlib.sha256)
        if hmac.compare_digest(b"sha256=" + mac.hexdigest().encode("ascii"), expected):
            return True
    return False


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def verify_webhook(payload: Payload, headers: Mapping[str, str], secret: Union[str, Iterable[str]],
                   tolerance: int = DEFAULT_TOLERANCE, now: Optional[float] = None) -> WebhookEvent:
    """Verify a delivery and return its event; raise :class:`WebhookVerificationError` otherwise.

    ``payload`` is the raw body as received; ``headers`` the request's headers; ``secret`` one secret, or
    several (the new and the old one while a rotation overlaps). The Standard Webhooks signature is checked
    when present, else ``X-Janua-Signature``; either way the timestamp must be within ``tolerance``.
    """
    body = _bytes(payload)
    secrets_ = [secret] if isinstance(secret, str) else list(secret)
    current = int(now if now is not None else time.time())
    msg_id, ts, sigs = _header(headers, "webhook-id"), _header(headers, "webhook-timestamp"), _header(headers, "webhook-signature")
    if msg_id and ts and sigs:
        _check_time(ts, current, tolerance)
        signed = msg_id.encode("utf-8") + b"." + ts.encode("ascii") + b"." + body
        offered = [s.split(",", 1)[1] for s in sigs.split() if s.startswith("v1,")]
        for sec in secrets_:
            expected = base64.b64encode(hmac.new(_standard_key(sec), signed, hashlib.sha256).digest()).decode("ascii")
            if any(hmac.compare_digest(expected, o) for o in offered):
                return _event(body)
        raise WebhookVerificationError("No webhook-signature matches the secret", code="INVALID_SIGNATURE")
    janua_sig, janua_ts = _header(headers, "X-Janua-Signature"), _header(headers, "X-Janua-Timestamp")
    if not janua_sig or not janua_ts:
        raise WebhookVerificationError("The request carries no Janua signature headers", code="MISSING_SIGNATURE")
    _check_time(janua_ts, current, tolerance)
    if any(validate_webhook_signature(body, janua_sig, sec, janua_ts, tolerance, now=current) for sec in secrets_):
        return _event(body)
    raise WebhookVerificationError("X-Janua-Signature does not match the secret", code="INVALID_SIGNATURE")


def _check_time(ts: str, current: int, tolerance: int) -> None:
    try:
        value = int(ts)
    except ValueError:
        raise WebhookVerificationError("Malformed webhook timestamp", code="INVALID_SIGNATURE") from None
    if abs(current - value) > tolerance:
        raise WebhookVerificationError("Webhook timestamp outside the tolerance (replay?)", code="TIMESTAMP_OUT_OF_RANGE",
                                       details={"timestamp": value, "tolerance": tolerance})


def _event(body: bytes) -> WebhookEvent:
    try:
        data: Any = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise WebhookVerificationError("The webhook body is not JSON", code="INVALID_PAYLOAD") from None
    return WebhookEvent.from_dict(data)


__all__ = ["validate_webhook_signature", "verify_webhook", "DEFAULT_TOLERANCE"]
