"""The signed-in user's tokens, as the client holds them."""
from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, Optional

REFRESH_MARGIN_SECONDS = 30.0


def jwt_claims(token: str) -> Dict[str, Any]:
    """The payload of a JWT, *unverified* — only to read ``sub``/``sid``/``exp`` of our own token."""
    try:
        payload = token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        return json.loads(base64.urlsafe_b64decode(payload))
    except Exception:
        return {}


def _parse_instant(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    try:
        text = value.replace("Z", "+00:00")
        # Python < 3.11 rejects more than 6 fraction digits; the server sends nanoseconds
        if "." in text:
            head, rest = text.split(".", 1)
            digits = "".join(c for c in rest if c.isdigit())
            tz = rest[len(digits):]
            text = f"{head}.{digits[:6]}{tz}"
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return None


@dataclass
class TokenSession:
    access_token: str = field(repr=False)
    refresh_token: Optional[str] = field(default=None, repr=False)
    expires_at: Optional[float] = None  # Unix seconds
    session_id: Optional[str] = None
    user_id: Optional[str] = None

    @classmethod
    def from_tokens(cls, tokens: Dict[str, Any], session: Optional[Dict[str, Any]] = None) -> "TokenSession":
        access = tokens.get("accessToken") or tokens.get("access_token")
        claims = jwt_claims(access or "")
        expires_at = _parse_instant(tokens.get("expiresAt") or tokens.get("expires_at"))
        if expires_at is None and claims.get("exp"):
            expires_at = float(claims["exp"])
        if expires_at is None and tokens.get("expiresIn"):
            expires_at = time.time() + float(tokens["expiresIn"])
        return cls(access_token=access, refresh_token=tokens.get("refreshToken") or tokens.get("refresh_token"),
                   expires_at=expires_at,
                   session_id=(session or {}).get("id") or claims.get("sid"), user_id=claims.get("sub"))

    def expiring(self, margin: float = REFRESH_MARGIN_SECONDS) -> bool:
        return self.expires_at is not None and self.expires_at - time.time() <= margin
