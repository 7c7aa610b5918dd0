"""MFA through the SDK: TOTP enrolment with a code computed here, sign-in challenges, backup codes, SMS,
step-up checks and trusted devices."""
from __future__ import annotations

import pytest

import support
from janua import JanuaClient
from janua.exceptions import AuthenticationError, NotSupportedError, ValidationError
from janua.types import MFAMethod


def _enrol(c):
    setup = c.mfa.setup_totp()
    assert setup.qr_code_url.startswith("data:image/png;base64,") and setup.otpauth_uri.startswith("otpauth://totp/")
    device = support.TotpDevice(setup.secret)
    verified = c.mfa.verify_totp(code=device.code())
    assert verified.verified is True and verified.mfa_enabled is True
    return setup, device


def test_totp_sign_in_challenge_backup_codes_and_trusted_device(user, base_url):
    c, email, password = user
    setup, device = _enrol(c)
    assert c.mfa.get_status().enabled is True and len(setup.backup_codes) == 10

    app = JanuaClient(base_url=base_url)
    first = app.auth.sign_in(email=email, password=password)
    assert first.requires_mfa is True and first.mfa_token.startswith("tmp_") and "totp" in first.methods
    assert first["tokens"] is None and not app.is_authenticated
    challenge = app.mfa.create_challenge(method=MFAMethod.TOTP)
    assert challenge.id == first.mfa_token
    with pytest.raises(AuthenticationError) as wrong:
        app.mfa.verify_challenge(challenge_id=challenge.id, code=support.totp(setup.secret, step_offset=9))
    assert wrong.value.code == "INVALID_MFA_CODE" and "attempts_remaining" in wrong.value.details
    app.mfa.trust_device(device_name="CI runner", duration_days=30)
    done = app.mfa.verify_challenge(challenge_id=challenge.id, code=device.code())
    assert done["user"].email == email and app.is_authenticated
    assert done.trusted_device.device_token.startswith("dvt_") and app.device_token == done.trusted_device.device_token
    assert len(app.mfa.list_trusted_devices()) == 1

    # the trusted device skips the second factor on the next sign-in of this client
    again = app.auth.sign_in(email=email, password=password)
    assert again.requires_mfa is False and again["user"].email == email

    # a backup code completes a challenge once
    other = JanuaClient(base_url=base_url)
    pending = other.auth.sign_in(email=email, password=password)
    assert pending.requires_mfa
    other.mfa.verify_challenge(challenge_id=pending.mfa_token, code=setup.backup_codes[0], method=MFAMethod.BACKUP_CODE)
    assert other.mfa.get_backup_codes_status().remaining == 9

    # step-up: a signed-in user proves the factor again (a backup code here; TOTP steps are used up by now)
    step = other.mfa.create_challenge(method=MFAMethod.TOTP)
    assert step.id.startswith("stepup_")
    assert other.mfa.verify_challenge(challenge_id=step.id, code=setup.backup_codes[1]).verified is True
    with pytest.raises(NotSupportedError):
        other.mfa.create_challenge(method=MFAMethod.SMS)

    # new backup codes need re-authentication
    fresh = other.mfa.generate_backup_codes(count=10, password=password)
    assert len(fresh.codes) == 10 and fresh.remaining == 10
    with pytest.raises(ValidationError):
        other.mfa.generate_backup_codes(count=5, password=password)

    app.mfa.revoke_trusted_device()
    assert app.mfa.list_trusted_devices() == []
    other.mfa.disable(password=password)
    assert other.mfa.get_status().enabled is False


def test_sms_enrolment_and_sms_challenge(user, base_url):
    c, email, password = user
    phone = "+1415555" + support.RUN[:4].translate(str.maketrans("abcdef", "123456"))
    sent = c.mfa.setup_sms(phone_number=phone)
    assert sent.sent is True and sent.phone_number.endswith(phone[-4:])
    assert c.mfa.verify_sms(code=support.sms_code(phone)).method == "sms"
    app = JanuaClient(base_url=base_url)
    pending = app.auth.sign_in(email=email, password=password)
    assert pending.requires_mfa and "sms" in pending.methods
    before = support.sms_count(phone)
    challenge = app.mfa.create_challenge(method=MFAMethod.SMS)
    assert challenge.sent is True
    result = app.mfa.verify_challenge(challenge_id=challenge.id, code=support.sms_code(phone, after=before), method="sms")
    assert result["user"].email == email


def test_trust_device_bounds():
    c = JanuaClient(base_url="http://127.0.0.1:9")
    with pytest.raises(ValidationError):
        c.mfa.trust_device(duration_days=90)


def test_organization_requiring_mfa_enrols_at_sign_in(user, base_url):
    c, email, password = user
    c.organizations.create(name="Strict Org", settings={"mfaRequired": True})
    app = JanuaClient(base_url=base_url)
    pending = app.auth.sign_in(email=email, password=password)
    assert pending.requires_mfa and pending.requires_mfa_enrollment and not app.is_authenticated
    setup = app.mfa.setup_totp()  # authorised by the enrolment challenge, not by a session
    challenge = app.mfa.create_challenge(method=MFAMethod.TOTP)
    done = app.mfa.verify_challenge(challenge_id=challenge.id, code=support.totp(setup.secret))
    assert done["user"].email == email and app.mfa.get_status().enabled is True
