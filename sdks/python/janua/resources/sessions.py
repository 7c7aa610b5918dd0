"""``client.sessions``: the signed-in user's sessions."""
from __future__ import annotations

from typing import Any, Dict, Optional

from .._http import USER
from .._resource import Resource, call
from ..exceptions import NotSupportedError, ValidationError
from ..pagination import list_call
from ..types import DeviceInfo, Session


def _device(d: Dict[str, Any]) -> DeviceInfo:
    s = Session.from_dict(d)
    info = DeviceInfo.from_dict(d.get("deviceInfo") or {})
    info.name, info.ip_address, info.user_agent, info.session_id = s.device, s.ip_address, s.user_agent, s.id
    info.raw = d
    return info


class Sessions(Resource):
    def get_current(self) -> Session:
        return self._run(call("sessions.current", auth=USER, parse=Session.from_dict))

    def get(self, session_id: str) -> Session:
        return self._run(call("sessions.get", path_params={"session_id": session_id}, auth=USER, parse=Session.from_dict))

    def list(self, user_id: Optional[str] = None, active_only: bool = True, limit: Optional[int] = None,
             cursor: Optional[str] = None):
        """The signed-in user's live sessions, newest first (``is_current`` marks this client's).

        Janua shows a user only their own sessions: ``user_id`` may name the signed-in user (or be left
        out); ended sessions are not listed (read one by id: ``get``)."""
        s = self._client._session
        if user_id is not None and s is not None and user_id not in ("me", s.user_id):
            raise ValidationError("sessions.list lists the signed-in user's own sessions; Janua has no API to list "
                                  "another user's sessions", code="VALIDATION_ERROR", details={"field": "user_id"})
        if not active_only:
            raise NotSupportedError("Janua lists live sessions only; read an ended session by id with sessions.get",
                                    code="NOT_SUPPORTED", details={"field": "active_only"})
        return self._run(list_call(self._client, lambda cur, pg: call("sessions.list", params={"limit": limit, "cursor": cur}, auth=USER),
                                   Session, cursor=cursor))

    def refresh(self, session_id: Optional[str] = None):
        """New tokens for this client's session (a client holds the refresh token of its own session only)."""
        s = self._client._session
        if session_id is not None and s is not None and session_id != s.session_id:
            raise ValidationError("Only this client's own session can be refreshed (it holds that refresh token only)",
                                  code="VALIDATION_ERROR", details={"field": "session_id"})
        return self._client._refresh_now()

    def revoke(self, session_id: str) -> Dict[str, Any]:
        """End a session at once (this client's own too: that signs it out)."""
        def done(d: Any) -> Any:
            s = self._client._session
            if s is not None and s.session_id == session_id:
                self._client._clear_session()
            return d
        return self._run(call("sessions.revoke", path_params={"session_id": session_id}, auth=USER, parse=done))

    def revoke_other(self) -> Dict[str, Any]:
        """End every session of the user except this client's (``revokedCount``)."""
        return self._run(call("sessions.revoke_others", auth=USER))

    def get_device(self, session_id: str) -> DeviceInfo:
        """The device of a session, parsed from the User-Agent recorded at sign-in (browser, OS, type, IP)."""
        return self._run(call("sessions.get", path_params={"session_id": session_id}, auth=USER, parse=_device))

    def update_device(self, session_id: str, name: Optional[str] = None, trusted: Optional[bool] = None):
        """Not available: Janua has no device registry yet (the devices module is not built), so a session's
        device can be neither renamed nor marked trusted. To skip MFA on a device use ``mfa.trust_device``."""
        raise NotSupportedError("Janua has no device registry yet: sessions' devices cannot be renamed or trusted "
                                "(use client.mfa.trust_device to skip the second factor on this client)",
                                code="NOT_SUPPORTED", details={"session_id": session_id})
