"""``client.magic_links``, ``client.audit_logs``, ``client.passkeys``."""
from __future__ import annotations

from typing import Any, Dict, Optional

from .._http import NONE, USER
from .._resource import Resource, body, call
from ..pagination import list_call
from ..types import AuditLog, AuditVerification, MagicLink, Passkey, PasskeyChallenge


class MagicLinks(Resource):
    def send(self, email: str, redirect_url: Optional[str] = None, expires_in: Optional[int] = None) -> MagicLink:
        """Mail a sign-in link (same answer whether or not the email has an account; 5 per hour per email)."""
        return self._run(call("magic_links.send", json=body(email=email, redirect_url=redirect_url, expires_in=expires_in),
                              auth=NONE, parse=MagicLink.from_dict))

    def verify(self, token: str, remember_me: Optional[bool] = None):
        """Spend the link's token (``mlt_…``) → the sign-in (:class:`AuthResult`); the client is signed in."""
        b = body(token=token, remember_me=remember_me, device_token=self._client.device_token)
        return self._run(call("magic_links.verify", json=b, auth=NONE, parse=self._client._store_auth))

    def exchange(self, code: str):
        """Trade the one-time ``code`` (``mlc_…``) that the redirect flow put in your callback URL for the sign-in."""
        b = body(code=code, device_token=self._client.device_token)
        return self._run(call("magic_links.exchange", json=b, auth=NONE, parse=self._client._store_auth))


def _audit_params(event_type, user_id, organization_id, start_date, end_date, limit):
    return {"eventType": event_type, "userId": user_id, "organizationId": organization_id, "startDate": start_date,
            "endDate": end_date, "limit": limit}


class AuditLogs(Resource):
    def list(self, event_type: Optional[str] = None, user_id: Optional[str] = None, organization_id: Optional[str] = None,
             start_date: Optional[str] = None, end_date: Optional[str] = None, limit: Optional[int] = None,
             cursor: Optional[str] = None, page: Optional[int] = None):
        """Records about the caller (platform admins: anyone's), newest first."""
        params = _audit_params(event_type, user_id, organization_id, start_date, end_date, limit)
        return self._run(list_call(self._client, lambda cur, pg: call("audit.list", params={**params, "cursor": cur, "page": pg}),
                                   AuditLog, cursor=cursor, page=page))

    def list_all(self, event_type: Optional[str] = None, user_id: Optional[str] = None, organization_id: Optional[str] = None,
                 start_date: Optional[str] = None, end_date: Optional[str] = None, limit: Optional[int] = None,
                 cursor: Optional[str] = None, page: Optional[int] = None):
        """The whole log (platform admins)."""
        params = _audit_params(event_type, user_id, organization_id, start_date, end_date, limit)
        return self._run(list_call(self._client, lambda cur, pg: call("audit.list_all", params={**params, "cursor": cur, "page": pg}),
                                   AuditLog, cursor=cursor, page=page))

    def verify(self) -> AuditVerification:
        """Recompute the hash chain; names the first altered record if any (platform admins)."""
        return self._run(call("audit.verify", parse=AuditVerification.from_dict))

    def export(self, format: str = "jsonl", **filters: Any) -> str:
        """The log as JSON lines or CSV text (platform admins); filters as in ``list_all``."""
        params = {"format": format, **_audit_params(filters.get("event_type"), filters.get("user_id"),
                                                     filters.get("organization_id"), filters.get("start_date"),
                                                     filters.get("end_date"), None)}
        return self._run(call("audit.export", params=params, raw=True))


class Passkeys(Resource):
    """WebAuthn passkeys (seed 003). The browser (``navigator.credentials``) makes the credential; your
    backend passes the options to it and its answer back. Served once the server's passkey module lands."""

    def begin_registration(self, display_name: Optional[str] = None, **fields: Any) -> PasskeyChallenge:
        return self._run(call("passkeys.register_options", json=body(display_name=display_name, **fields), auth=USER,
                              parse=PasskeyChallenge.from_dict))

    def complete_registration(self, challenge_id: str, credential: Dict[str, Any], name: Optional[str] = None) -> Passkey:
        b = body(challenge_id=challenge_id, name=name)
        b["credential"] = credential
        return self._run(call("passkeys.register", json=b, auth=USER, parse=Passkey.from_dict))

    def begin_authentication(self, email: Optional[str] = None) -> PasskeyChallenge:
        return self._run(call("passkeys.authenticate_options", json=body(email=email), auth=NONE, parse=PasskeyChallenge.from_dict))

    def complete_authentication(self, challenge_id: str, credential: Dict[str, Any]):
        b = body(challenge_id=challenge_id)
        b["credential"] = credential
        return self._run(call("passkeys.authenticate", json=b, auth=NONE, parse=self._client._store_auth))

    def list(self):
        def parse(d: Any):
            items = d.get("data", []) if isinstance(d, dict) else d
            return [Passkey.from_dict(x) for x in items]
        return self._run(call("passkeys.list", auth=USER, parse=parse))

    def delete(self, passkey_id: str) -> Any:
        return self._run(call("passkeys.delete", path_params={"passkey_id": passkey_id}, auth=USER))
