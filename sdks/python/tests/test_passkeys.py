"""Passkeys through the SDK (sync and async), the browser's part played by tests/webauthn.py: registration,
sign-in by email and usernameless, the MFA step after a password, rename/delete, and the errors each wrong
response maps to."""
from __future__ import annotations

import asyncio

import pytest

import support
from janua import AsyncJanuaClient, JanuaClient
from janua.exceptions import AuthenticationError, NotFoundError, ValidationError
from webauthn import BE, BS, UP, SoftAuthenticator


def _register(client: JanuaClient, device: SoftAuthenticator, name: str = "Laptop"):
    challenge = client.passkeys.begin_registration(display_name="Test User")
    assert challenge.id.startswith("pkc_") and challenge.options["rp"]["id"] == challenge.options["rp"]["id"]
    return client.passkeys.complete_registration(challenge_id=challenge.id, credential=device.create(challenge.options), name=name)


def test_register_sign_in_rename_delete(base_url, user):
    client, email, _ = user
    device = SoftAuthenticator(origin=base_url)
    passkey = _register(client, device)
    assert passkey.name == "Laptop" and passkey.verified and passkey.backed_up and passkey.device_type == "multi_device"

    by_email = JanuaClient(base_url=base_url)
    options = by_email.passkeys.begin_authentication(email=email)
    assert [c["id"] for c in options.options["allowCredentials"]] == [passkey.credential_id]
    result = by_email.passkeys.complete_authentication(challenge_id=options.id, credential=device.get(options.options))
    assert result.user.email == email and result.passkey_id == passkey.id and by_email.is_authenticated
    assert by_email.auth.get_current_user().email == email

    usernameless = JanuaClient(base_url=base_url)
    options = usernameless.passkeys.begin_authentication()
    assert not options.options.get("allowCredentials")
    assert usernameless.passkeys.complete_authentication(credential=device.get(options.options)).user.email == email

    renamed = client.passkeys.rename(passkey.id, "Work laptop")
    assert renamed.name == "Work laptop" and [p.name for p in client.passkeys.list()] == ["Work laptop"]
    assert client.passkeys.delete(passkey.id) is not None and client.passkeys.list() == []


def test_wrong_responses_map_to_errors(base_url, user):
    client, email, _ = user
    device = SoftAuthenticator(origin=base_url)
    _register(client, device)
    anon = JanuaClient(base_url=base_url)

    options = anon.passkeys.begin_authentication(email=email)
    credential = device.get(options.options)
    anon.passkeys.complete_authentication(credential=credential)
    with pytest.raises(ValidationError) as replay:   # the challenge was spent by the first answer
        anon.passkeys.complete_authentication(credential=credential)
    assert replay.value.code == "PASSKEY_CHALLENGE_INVALID" and replay.value.request_id

    options = anon.passkeys.begin_authentication(email=email)
    forged = device.get(options.options)
    forged["response"]["signature"] = forged["response"]["signature"][:-4] + "AAAA"
    with pytest.raises(AuthenticationError) as bad:
        anon.passkeys.complete_authentication(credential=forged)
    assert bad.value.code == "PASSKEY_SIGNATURE_INVALID"

    elsewhere = SoftAuthenticator(origin="https://evil.example")
    elsewhere.credentials = device.credentials
    options = anon.passkeys.begin_authentication(email=email)
    with pytest.raises(ValidationError) as origin:
        anon.passkeys.complete_authentication(credential=elsewhere.get(options.options))
    assert origin.value.code == "PASSKEY_ORIGIN_MISMATCH"

    with pytest.raises(NotFoundError) as unknown:
        client.passkeys.rename("pk_unknown", "x")
    assert unknown.value.code == "PASSKEY_NOT_FOUND"


def test_passkey_as_second_factor(base_url, user):
    client, email, password = user
    device = SoftAuthenticator(origin=base_url)
    _register(client, device)
    client.mfa.verify_totp(code=support.TotpDevice(client.mfa.setup_totp().secret).code())

    app = JanuaClient(base_url=base_url)
    pending = app.auth.sign_in(email=email, password=password)
    assert pending.requires_mfa and "passkey" in pending.methods
    options = app.passkeys.begin_authentication(mfa_token=pending.mfa_token)
    done = app.passkeys.complete_authentication(credential=device.get(options.options), mfa_token=pending.mfa_token)
    assert done.user.email == email and app.is_authenticated

    # a passkey without user verification is one factor: with MFA on, the sign-in still asks for a second
    device.flags = UP | BE | BS  # backup flags as registered (they may not change), UV clear
    options = JanuaClient(base_url=base_url).passkeys.begin_authentication(email=email)
    one_factor = JanuaClient(base_url=base_url)
    assert one_factor.passkeys.complete_authentication(credential=device.get(options.options)).requires_mfa


def test_async_passkeys(base_url):
    device = SoftAuthenticator(origin=base_url)

    async def main():
        async with AsyncJanuaClient(base_url=base_url) as client:
            email = support.email("apk")
            await client.auth.sign_up(email=email, password=support.PASSWORD)
            challenge = await client.passkeys.begin_registration(display_name="Async")
            passkey = await client.passkeys.complete_registration(challenge_id=challenge.id,
                                                                  credential=device.create(challenge.options))
            async with AsyncJanuaClient(base_url=base_url) as other:
                options = await other.passkeys.begin_authentication(email=email)
                result = await other.passkeys.complete_authentication(challenge_id=options.id,
                                                                      credential=device.get(options.options))
                assert result.passkey_id == passkey.id and [p.id for p in await other.passkeys.list()] == [passkey.id]
            await client.passkeys.delete(passkey.id)
            assert await client.passkeys.list() == []
    asyncio.run(main())
