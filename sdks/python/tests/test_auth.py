"""Sign-up, sign-in, profile, password, email verification and sign-out through the sync client."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

import support
from janua import JanuaClient
from janua.exceptions import AuthenticationError, ConflictError, ValidationError
from janua.types import AuthResult, User


def test_sign_up_signs_in_and_returns_the_user(client):
    email = support.email("signup")
    user = client.auth.sign_up(email=email, password=support.PASSWORD, first_name="John", last_name="Doe",
                               metadata={"source": "mobile_app"})
    assert isinstance(user, User) and user.id.startswith("usr_")
    assert user.email == email and user.first_name == "John" and user.metadata == {"source": "mobile_app"}
    assert client.is_authenticated and client.tokens.session_id.startswith("sess_")
    assert client.last_auth_result.requires_email_verification is True
    me = client.auth.get_current_user()
    assert me.id == user.id and me.email_verified is False


def test_sign_in_result_reads_like_a_dict_and_like_attributes(user, base_url):
    _, email, password = user
    c = JanuaClient(base_url=base_url)
    result = c.auth.sign_in(email=email, password=password, remember_me=True)
    assert isinstance(result, AuthResult) and result.requires_mfa is False
    assert result["user"].email == email and result.user is result["user"]
    assert result["session"].id.startswith("sess_") and result["tokens"].token_type == "Bearer"
    assert result["tokens"].refresh_token.startswith("rt_")
    assert c.sessions.get_current().remember_me is True


def test_profile_update_change_password_and_sign_out(user, base_url):
    c, email, password = user
    updated = c.auth.update_profile(first_name="Ada", bio="Engineer", timezone="Europe/Paris")
    assert (updated.first_name, updated.bio, updated.timezone) == ("Ada", "Engineer", "Europe/Paris")
    assert c.users.update(user_id=updated.id, last_name="Lovelace").last_name == "Lovelace"  # yourself, by id
    out = c.auth.change_password(current_password=password, new_password="An0ther long passphrase")
    assert out["success"] is True
    with pytest.raises(AuthenticationError) as wrong:
        JanuaClient(base_url=base_url).auth.sign_in(email=email, password=password)
    assert wrong.value.code == "INVALID_CREDENTIALS"
    token = c.tokens.access_token
    c.auth.sign_out()
    assert not c.is_authenticated
    # the session ended on the server: the old access token is refused at once
    stale = JanuaClient(base_url=base_url)
    stale.set_session(access_token=token)
    with pytest.raises(AuthenticationError) as ended:
        stale.auth.get_current_user()
    assert ended.value.code == "SESSION_EXPIRED" and ended.value.request_id.startswith("req_")
    assert not stale.is_authenticated  # the SDK forgot the dead session


def test_password_reset_with_the_mailed_token(user, base_url):
    c, email, _ = user
    c.auth.request_password_reset(email)
    token = support.mail_token(email, "prt_")
    c.auth.reset_password(token=token, new_password="Brand new passphrase 9")
    fresh = JanuaClient(base_url=base_url)
    assert fresh.auth.sign_in(email=email, password="Brand new passphrase 9")["user"].email == email
    with pytest.raises(ValidationError) as spent:
        c.auth.reset_password(token=token, new_password="Yet another passphrase 1")
    assert spent.value.code == "TOKEN_INVALID_OR_EXPIRED" and spent.value.status_code == 400


def test_email_verification_with_the_mailed_token(user):
    c, email, _ = user
    token = support.mail_token(email, "evt_")
    c.auth.verify_email(token)
    assert c.auth.get_current_user().email_verified is True
    with pytest.raises(ConflictError) as again:
        c.auth.send_verification_email()
    assert again.value.code == "EMAIL_ALREADY_VERIFIED"


def test_sign_up_errors_carry_code_details_and_request_id(client, user):
    _, taken, _ = user
    with pytest.raises(ConflictError) as dup:
        client.auth.sign_up(email=taken, password=support.PASSWORD)
    assert dup.value.code == "EMAIL_ALREADY_EXISTS" and dup.value.status_code == 409
    with pytest.raises(ValidationError) as weak:
        client.auth.sign_up(email=support.email(), password="password")
    assert weak.value.code == "WEAK_PASSWORD" and weak.value.status_code == 422
    assert weak.value.details["reason"] in ("too_short", "too_common")
    assert weak.value.request_id.startswith("req_") and weak.value.timestamp


def test_user_calls_without_a_session_fail_before_any_request(client):
    with pytest.raises(AuthenticationError) as e:
        client.auth.get_current_user()
    assert e.value.code == "NO_SESSION" and e.value.status_code is None


def test_magic_link_sign_in(client):
    email = support.email("magic")
    sent = client.magic_links.send(email)
    assert sent.success is True and sent.link_id.startswith("ml_")
    token = support.mail_token(email, "mlt_")
    result = client.magic_links.verify(token)
    assert result["user"].email == email and result["user"].email_verified is True
    assert client.auth.get_current_user().email == email


def test_health_and_version(client):
    assert client.health_check()["status"] == "healthy"
    assert client.get_api_version() == "v1"


def test_magic_link_redirect_flow_exchanges_a_code(client, base_url):
    email = support.email("magicredirect")
    client.magic_links.send(email, redirect_url=f"{base_url}/callback")
    link = re.search(r"https?://\S+/auth/magic-link/verify\?\S+", support.mail_body(email)).group(0)
    opened = httpx.get(link, follow_redirects=False)  # the browser opening the emailed link
    assert opened.status_code == 302 and "code=mlc_" in opened.headers["location"]
    code = parse_qs(urlsplit(opened.headers["location"]).query)["code"][0]
    assert client.magic_links.exchange(code)["user"].email == email and client.is_authenticated
