"""Social login through the SDK against Janua's real flow, the upstream providers played by local doubles
(tests/fake_provider.py) and the browser by httpx following the redirects: providers list, sign-up then
sign-in by Google, the errors of a wrong redirect URI / state / reused code, linking and unlinking GitHub,
and the async client."""
from __future__ import annotations

import asyncio

import pytest

import support
from fake_provider import APP_CALLBACK, browser_signs_in_at_provider
from janua import AsyncJanuaClient, JanuaClient
from janua.exceptions import ConflictError, NotSupportedError, ValidationError
from janua.types import OAuthProvider


def _google_user(providers, tag):
    email = support.email(tag)
    providers.users["google"] = {"sub": f"g-{tag}-{support.RUN}", "email": email, "name": "Grace Hopper"}
    return email


def test_providers_and_sign_in(base_url, providers):
    client = JanuaClient(base_url=base_url)
    listed = {p["id"]: p for p in client.auth.list_oauth_providers()}
    assert listed["google"]["enabled"] and listed["google"]["kind"] == "google" and "github" in listed

    email = _google_user(providers, "social")
    started = client.auth.get_oauth_authorization(OAuthProvider.GOOGLE, redirect_uri=APP_CALLBACK, state="s1")
    assert started.state == "s1" and started.auth_url.startswith(providers.url + "/google/authorize?") and started.expires_at
    back = browser_signs_in_at_provider(started.auth_url)
    first = client.auth.handle_oauth_callback(OAuthProvider.GOOGLE, code=back["code"], state="s1")
    assert first.is_new_user is True and first.provider == "google" and first.user.email == email
    assert client.auth.get_current_user().email == email and client.users.get(first.user.id).email_verified

    with pytest.raises(ValidationError) as reused:   # Janua's code works once
        JanuaClient(base_url=base_url).auth.handle_oauth_callback(OAuthProvider.GOOGLE, code=back["code"], state="s1")
    assert reused.value.request_id

    again = JanuaClient(base_url=base_url)
    back = browser_signs_in_at_provider(again.auth.get_oauth_url(OAuthProvider.GOOGLE, redirect_uri=APP_CALLBACK, state="s2"))
    with pytest.raises(ValidationError) as wrong_state:
        again.auth.handle_oauth_callback(OAuthProvider.GOOGLE, code=back["code"], state="not-s2")
    assert wrong_state.value.code == "OAUTH_STATE_INVALID"

    back = browser_signs_in_at_provider(again.auth.get_oauth_url(OAuthProvider.GOOGLE, redirect_uri=APP_CALLBACK, state="s3"))
    second = again.auth.handle_oauth_callback(OAuthProvider.GOOGLE, code=back["code"], state="s3")
    assert second.is_new_user is False and second.user.id == first.user.id


def test_unregistered_redirect_uri(base_url, providers):
    with pytest.raises(ValidationError) as e:
        JanuaClient(base_url=base_url).auth.get_oauth_url(OAuthProvider.GOOGLE, redirect_uri=APP_CALLBACK + "/", state="x")
    assert e.value.code == "REDIRECT_URI_NOT_REGISTERED"


def test_link_and_unlink(base_url, providers, user):
    client, email, _ = user
    providers.users["github"] = {"id": 7000 + len(support.RUN), "login": f"gh-{support.RUN}", "email": email, "name": "GH"}
    with pytest.raises(NotSupportedError):
        client.auth.link_oauth_account(OAuthProvider.GITHUB, access_token="github_access_token")
    started = client.auth.link_oauth_account(OAuthProvider.GITHUB, redirect_uri=APP_CALLBACK, state="link-1")
    browser_signs_in_at_provider(started.auth_url)
    assert [i["provider"] for i in client.auth.list_oauth_accounts()] == ["github"]
    client.auth.unlink_oauth_account(OAuthProvider.GITHUB)
    assert client.auth.list_oauth_accounts() == []


def test_last_way_in_cannot_be_unlinked(base_url, providers):
    client = JanuaClient(base_url=base_url)
    _google_user(providers, "onlysocial")
    back = browser_signs_in_at_provider(client.auth.get_oauth_url(OAuthProvider.GOOGLE, redirect_uri=APP_CALLBACK, state="s"))
    client.auth.handle_oauth_callback(OAuthProvider.GOOGLE, code=back["code"], state="s")
    with pytest.raises(ConflictError) as e:  # a social-only account (no password) keeps its last identity
        client.auth.unlink_oauth_account(OAuthProvider.GOOGLE)
    assert e.value.code == "LAST_SIGN_IN_METHOD"


def test_async_social_sign_in(base_url, providers):
    email = _google_user(providers, "asocial")

    async def main():
        async with AsyncJanuaClient(base_url=base_url) as client:
            url = await client.auth.get_oauth_url(OAuthProvider.GOOGLE, redirect_uri=APP_CALLBACK, state="as")
            back = browser_signs_in_at_provider(url)
            result = await client.auth.handle_oauth_callback(OAuthProvider.GOOGLE, code=back["code"], state="as")
            assert result.is_new_user and (await client.auth.get_current_user()).email == email
    asyncio.run(main())
