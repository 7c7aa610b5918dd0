"""Token refresh: before expiry, after a 401 INVALID_TOKEN, and one refresh for concurrent callers (sync and async)."""
from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

import support
from janua import AsyncJanuaClient, JanuaClient
from janua.exceptions import AuthenticationError


class RefreshCounter:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    def __call__(self, request):
        if request.url.path.endswith("/auth/refresh"):
            with self.lock:
                self.count += 1

    async def async_hook(self, request):
        self(request)


def _signed_in(base_url, counter, on_tokens=None):
    c = JanuaClient(base_url=base_url, on_tokens=on_tokens, http_client=httpx.Client(event_hooks={"request": [counter]}))
    email = support.email("refresh")
    c.auth.sign_up(email=email, password=support.PASSWORD)
    return c, email


def test_two_concurrent_callers_share_one_refresh(base_url):
    counter, seen = RefreshCounter(), []
    c, _ = _signed_in(base_url, counter, on_tokens=seen.append)
    old_refresh = c.tokens.refresh_token
    c.tokens.expires_at = time.time() + 5  # about to expire: the next calls refresh first
    barrier, results, errors = threading.Barrier(2), [], []

    def call():
        barrier.wait()
        try:
            results.append(c.auth.get_current_user().id)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=call) for _ in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert not errors and len(results) == 2
    assert counter.count == 1
    assert len(seen) == 2  # sign-up's pair, then exactly one refreshed pair
    assert c.tokens.refresh_token != old_refresh and seen[-1].refresh_token == c.tokens.refresh_token
    # the successor the client holds is the session's live refresh token
    assert JanuaClient(base_url=base_url).http.post("/auth/refresh", json={"refreshToken": c.tokens.refresh_token},
                                                    auth="none").status_code == 200


def test_async_concurrent_tasks_share_one_refresh(base_url):
    counter = RefreshCounter()

    async def main():
        async with AsyncJanuaClient(base_url=base_url,
                                    http_client=httpx.AsyncClient(event_hooks={"request": [counter.async_hook]})) as c:
            await c.auth.sign_up(email=support.email("arefresh"), password=support.PASSWORD)
            c.tokens.expires_at = time.time() + 5
            users = await asyncio.gather(*(c.auth.get_current_user() for _ in range(5)))
            assert len({u.id for u in users}) == 1
    asyncio.run(main())
    assert counter.count == 1


def test_401_invalid_token_refreshes_once_and_repeats_the_call(base_url):
    counter = RefreshCounter()
    c, email = _signed_in(base_url, counter)
    c.tokens.access_token = c.tokens.access_token[:-6] + "AAAAAA"  # signature no longer verifies → INVALID_TOKEN
    assert c.auth.get_current_user().email == email
    assert counter.count == 1


def test_reused_refresh_token_ends_the_session(base_url):
    counter = RefreshCounter()
    c, _ = _signed_in(base_url, counter)
    spent = c.tokens.refresh_token
    c.auth.refresh_token()
    c.auth.refresh_token()  # the successor is rotated too: `spent` is now two generations old
    thief = JanuaClient(base_url=base_url)
    thief.set_session(access_token="x.e30.x", refresh_token=spent)
    with pytest.raises(AuthenticationError) as e:
        thief.auth.refresh_token()
    assert e.value.code == "REFRESH_TOKEN_REUSED" and not thief.is_authenticated
    with pytest.raises(AuthenticationError) as ended:  # reuse revoked the whole session, the owner's too
        c.auth.get_current_user()
    assert ended.value.code in ("SESSION_EXPIRED", "INVALID_REFRESH_TOKEN")


def test_sessions_list_get_device_revoke(base_url):
    counter = RefreshCounter()
    c, email = _signed_in(base_url, counter)
    other = JanuaClient(base_url=base_url)
    other.auth.sign_in(email=email, password=support.PASSWORD)
    sessions = c.sessions.list(user_id=c.tokens.user_id, active_only=True)
    assert len(sessions) == 2 and sum(1 for s in sessions if s.is_current) == 1
    device = c.sessions.get_device(other.tokens.session_id)
    assert device.session_id == other.tokens.session_id and device.user_agent.startswith("janua-python/")
    assert c.sessions.revoke_other()["revokedCount"] == 1
    with pytest.raises(AuthenticationError) as e:
        other.auth.get_current_user()
    assert e.value.code == "SESSION_EXPIRED"
    assert c.sessions.get(other.tokens.session_id if other.tokens else device.session_id).is_active is False
    refreshed = c.sessions.refresh(c.tokens.session_id)
    assert refreshed.access_token == c.tokens.access_token
    c.sessions.revoke(c.tokens.session_id)
    assert not c.is_authenticated
