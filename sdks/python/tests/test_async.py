"""AsyncJanuaClient: the same methods as coroutines, against the server."""
from __future__ import annotations

import asyncio

import pytest

import support
from janua import AsyncJanuaClient, AsyncPage
from janua.exceptions import AuthenticationError, ConflictError, NotFoundError, RateLimitError
from janua.types import MFAMethod, OrganizationRole


def test_async_flows(base_url, platform_key):
    async def main():
        async with AsyncJanuaClient(base_url=base_url) as client:
            email = support.email("async")
            user = await client.auth.sign_up(email=email, password=support.PASSWORD, first_name="Async")
            assert user.first_name == "Async" and client.is_authenticated
            with pytest.raises(ConflictError):
                await client.auth.sign_up(email=email, password=support.PASSWORD)
            result = await client.auth.sign_in(email=email, password=support.PASSWORD)
            assert result["user"].id == user.id and (await client.auth.get_current_user()).email == email

            # MFA: enrol, then a sign-in challenge answered with a computed code
            setup = await client.mfa.setup_totp()
            device = support.TotpDevice(setup.secret)
            assert (await client.mfa.verify_totp(code=device.code())).mfa_enabled is True
            async with AsyncJanuaClient(base_url=base_url) as app:
                pending = await app.auth.sign_in(email=email, password=support.PASSWORD)
                assert pending.requires_mfa
                challenge = await app.mfa.create_challenge(method=MFAMethod.TOTP)
                done = await app.mfa.verify_challenge(challenge_id=challenge.id, code=device.code())
                assert done["user"].id == user.id and app.is_authenticated
                sessions = await app.sessions.list()
                assert isinstance(sessions, AsyncPage) and len(sessions) == 3

            # organizations, invitations and async pagination
            org = await client.organizations.create(name="Async Org")
            invitees = [support.email("ainv") for _ in range(3)]
            await asyncio.gather(*(client.organizations.create_invite(org.id, email=e, role=OrganizationRole.VIEWER)
                                   for e in invitees))
            page = await client.organizations.list_invites(org.id, limit=2)
            assert page.has_more and len(page) == 2
            assert sorted([i.email async for i in page.auto_paging_iter()]) == sorted(invitees)
            with pytest.raises(NotFoundError):
                await client.organizations.get("org_00000000000000000000000000")

            await client.auth.sign_out()
            with pytest.raises(AuthenticationError) as e:
                await client.auth.get_current_user()
            assert e.value.code == "NO_SESSION"

        async with AsyncJanuaClient(base_url=base_url, api_key=platform_key) as ops:
            found = await ops.users.get_by_email(email)
            assert found.id == user.id and found.mfa_enabled is True
            reset_for = support.email("areset")
            for _ in range(3):
                await ops.auth.request_password_reset(reset_for)
            with pytest.raises(RateLimitError) as limited:
                await ops.auth.request_password_reset(reset_for)
            assert limited.value.retry_after > 0 and limited.value.details["retry_after"]
            assert (await ops.health_check())["status"] == "healthy"

    asyncio.run(main())
