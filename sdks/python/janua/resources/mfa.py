"""``client.mfa``: enrol TOTP/SMS, backup codes, second-factor challenges, trusted devices."""
from __future__ import annotations

import secrets
from typing import Any, Dict, List, Optional

from .._http import NONE, USER
from .._resource import Resource, body, call
from ..exceptions import NotSupportedError, ValidationError
from ..types import (BackupCodes, MFAChallenge, MFAMethod, MFAStatus, MFAVerification, SMSSetup,
                     TOTPSetup, TrustedDevice, value_of)

SERVER_BACKUP_CODE_COUNT = 10


class MFA(Resource):
    def get_status(self) -> MFAStatus:
        return self._run(call("mfa.status", auth=USER, parse=MFAStatus.from_dict))

    def setup_totp(self) -> TOTPSetup:
        """Start authenticator-app enrolment: ``secret``, ``otpauth_uri``, ``qr_code_url`` (PNG data URL) and
        the ``backup_codes`` (shown once). Nothing is active until ``verify_totp`` confirms a code.
        During a sign-in that requires enrolment, the pending challenge authorises this call."""
        pending = self._client._pending_mfa
        if self._client._session is None and pending is not None and pending.requires_mfa_enrollment:
            return self._run(call("mfa.setup", json=body(type="totp"), auth=NONE, headers={"X-MFA-Token": pending.mfa_token},
                                  parse=TOTPSetup.from_dict))
        return self._run(call("mfa.setup", json=body(type="totp"), auth=USER, parse=TOTPSetup.from_dict))

    def verify_totp(self, code: str) -> MFAVerification:
        """Confirm enrolment with a code from the app (turns MFA on); once on, a step-up check of a code."""
        return self._run(call("mfa.verify", json=body(code=code), auth=USER, parse=MFAVerification.from_dict))

    def setup_sms(self, phone_number: str) -> SMSSetup:
        """Text a code to ``phone_number`` (E.164). SMS is a restricted factor: prefer an authenticator app."""
        return self._run(call("mfa.sms_setup", json=body(phone_number=phone_number), auth=USER, parse=SMSSetup.from_dict))

    def verify_sms(self, code: str) -> MFAVerification:
        return self._run(call("mfa.sms_verify", json=body(code=code), auth=USER, parse=MFAVerification.from_dict))

    def disable(self, password: Optional[str] = None, code: Optional[str] = None) -> Dict[str, Any]:
        """Turn MFA off (every factor, backup codes and trusted devices); needs the password or a current code."""
        return self._run(call("mfa.disable", json=body(password=password, code=code), auth=USER))

    def generate_backup_codes(self, count: int = SERVER_BACKUP_CODE_COUNT, password: Optional[str] = None,
                              code: Optional[str] = None) -> BackupCodes:
        """Replace every backup code with new ones (``.codes``). Janua asks for re-authentication here:
        the ``password`` or a current authenticator ``code``. The server issues exactly 10."""
        if count != SERVER_BACKUP_CODE_COUNT:
            raise ValidationError(f"Janua issues {SERVER_BACKUP_CODE_COUNT} backup codes; count={count} is not possible",
                                  code="VALIDATION_ERROR", details={"field": "count", "reason": "fixed_by_server"})
        return self._run(call("mfa.backup_codes_regenerate", json=body(password=password, code=code), auth=USER,
                              parse=BackupCodes.from_dict))

    def get_backup_codes_status(self) -> BackupCodes:
        return self._run(call("mfa.backup_codes", auth=USER, parse=BackupCodes.from_dict))

    # -- challenges

    def create_challenge(self, method: Any = MFAMethod.TOTP) -> MFAChallenge:
        """A challenge for a second factor.

        After ``auth.sign_in`` answered ``requires_mfa``, the challenge is that sign-in's (``id`` = its
        ``mfaToken``); with ``MFAMethod.SMS`` a code is texted now. When the client is already signed in,
        it is a step-up check: ``verify_challenge`` then checks a TOTP or backup code of the signed-in user."""
        m = value_of(method)
        pending = self._client._pending_mfa
        if pending is not None and pending.mfa_token:
            challenge = MFAChallenge(id=pending.mfa_token, method=m, methods=pending.methods, expires_at=pending.mfa_token_expires_at)
            if m == MFAMethod.SMS.value:
                def sent(d: Dict[str, Any]) -> MFAChallenge:
                    challenge.sent, challenge.phone_number = d.get("sent"), d.get("phoneNumber")
                    challenge.expires_at = d.get("expiresAt") or challenge.expires_at
                    challenge.raw = d
                    return challenge
                return self._run(call("auth.mfa_send_sms", json=body(mfa_token=pending.mfa_token), auth=NONE, parse=sent))
            return self._run(_value(challenge))
        if self._client._session is None:
            raise ValidationError("No second factor is due: sign in first", code="NO_MFA_CHALLENGE")
        if m == MFAMethod.SMS.value:
            raise NotSupportedError("Step-up by SMS is not offered by Janua; use TOTP or a backup code",
                                    code="NOT_SUPPORTED", details={"method": m})
        challenge = MFAChallenge(id="stepup_" + secrets.token_urlsafe(12), method=m)
        self._client._stepup_challenges.add(challenge.id)
        return self._run(_value(challenge))

    def verify_challenge(self, challenge_id: str, code: str, method: Any = None,
                         trust_device: Optional[bool] = None):
        """Answer a challenge. For a sign-in challenge: the completed sign-in (:class:`AuthResult`; the client
        is now signed in). For a step-up challenge: :class:`MFAVerification`."""
        m = value_of(method)
        if challenge_id in self._client._stepup_challenges:
            self._client._stepup_challenges.discard(challenge_id)
            return self._run(call("mfa.verify", json=body(code=code), auth=USER, parse=MFAVerification.from_dict))
        trust = trust_device if trust_device is not None else (self._client._trust_next_device or None)
        b = body(mfa_token=challenge_id, code=code, method=m, trust_device=trust)
        return self._run(call("auth.mfa_complete", json=b, auth=NONE, parse=self._client._store_auth))

    def trust_device(self, device_name: Optional[str] = None, duration_days: int = 30) -> Dict[str, Any]:
        """Skip the second factor on this client for ``duration_days`` (Janua's limit: 30).

        Janua trusts a device when a second factor is completed, so this marks the client: the pending
        challenge — or, when none is pending, the next one — is completed with ``trustDevice``; the
        device token then travels with every later ``sign_in`` of this client (``client.device_token``,
        persist it to keep the trust across restarts)."""
        if duration_days < 1 or duration_days > 30:
            raise ValidationError("duration_days must be between 1 and 30 (Janua trusts a device for 30 days)",
                                  code="VALIDATION_ERROR", details={"field": "duration_days"})
        self._client._trust_next_device = True
        self._client._trusted_device_name = device_name
        return self._run(_value({"pending": True, "deviceName": device_name, "appliesTo": "next second-factor completion",
                                 "deviceToken": self._client.device_token}))

    def list_trusted_devices(self) -> List[TrustedDevice]:
        return self._run(call("mfa.trusted_devices", auth=USER,
                              parse=lambda d: [TrustedDevice.from_dict(x) for x in (d.get("data", d) if isinstance(d, dict) else d)]))

    def revoke_trusted_device(self, device_id: Optional[str] = None) -> Any:
        """Revoke one trusted device, or all of them (no argument)."""
        if device_id is None:
            return self._run(call("mfa.trusted_devices_revoke_all", auth=USER))
        return self._run(call("mfa.trusted_device_revoke", path_params={"device_id": device_id}, auth=USER))


def _value(v: Any):
    """A Call-free result, still returned through the client's runner (a coroutine for the async client)."""
    from .._resource import Call
    return Call("", "", parse=lambda _: v)
