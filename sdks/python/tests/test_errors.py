"""Errors map to the right exception with code, details and request id; 429 surfaces retry-after; retries."""
from __future__ import annotations

import http.server
import threading
import time

import pytest

import support
from janua import JanuaClient
from janua.exceptions import (AuthenticationError, AuthorizationError, NetworkError, NotFoundError, RateLimitError,
                              ServerError, ValidationError)


def test_each_status_maps_to_its_exception(user, platform_key, base_url):
    c, _, _ = user
    with pytest.raises(NotFoundError) as nf:
        c.organizations.get("org_00000000000000000000000000")
    assert nf.value.code == "ORGANIZATION_NOT_FOUND" and nf.value.status_code == 404
    with pytest.raises(AuthorizationError) as forbidden:
        c.users.list()
    assert forbidden.value.code == "INSUFFICIENT_PERMISSIONS" and forbidden.value.details["required"] == "platform_admin"
    with pytest.raises(ValidationError) as invalid:
        c.organizations.create(name="")
    assert invalid.value.code == "VALIDATION_ERROR" and invalid.value.details["field"] == "name"
    key_only = JanuaClient(base_url=base_url, api_key="sk_" + "x" * 43)
    with pytest.raises(AuthenticationError) as bad_key:
        key_only.users.list()
    assert bad_key.value.code == "INVALID_API_KEY"


def test_lockout_is_an_authentication_error_with_its_own_code(user, base_url):
    _, email, password = user
    c = JanuaClient(base_url=base_url)
    remaining = []
    for _ in range(5):
        with pytest.raises(AuthenticationError) as wrong:
            c.auth.sign_in(email=email, password="not the password")
        remaining.append(wrong.value.details.get("attempts_remaining"))
    assert remaining[:4] == [4, 3, 2, 1]
    with pytest.raises(AuthenticationError) as locked:
        c.auth.sign_in(email=email, password=password)
    assert locked.value.status_code == 423 and locked.value.code == "ACCOUNT_LOCKED"


def test_request_id_is_the_servers_and_can_be_chosen(base_url):
    c = JanuaClient(base_url=base_url, custom_headers={"X-Request-ID": "req_sdk_chosen_1"})
    with pytest.raises(AuthenticationError) as e:
        c.auth.sign_in(email=support.email(), password="not the password")
    assert e.value.request_id == "req_sdk_chosen_1"
    assert e.value.headers["x-request-id"] == "req_sdk_chosen_1"


def test_rate_limit_429_is_surfaced_with_retry_after(client):
    email = support.email("reset")
    for _ in range(3):  # the password-reset bucket: 3 per hour per email
        client.auth.request_password_reset(email)
    started = time.monotonic()
    with pytest.raises(RateLimitError) as e:
        client.auth.request_password_reset(email)
    assert time.monotonic() - started < 5  # a Retry-After beyond max_retry_after is not waited for
    err = e.value
    assert err.status_code == 429 and err.code == "RATE_LIMITED" and err.request_id.startswith("req_")
    assert err.retry_after > 60 and err.details["retry_after"] == err.details["retryAfter"]
    assert err.headers["retry-after"] == str(int(err.retry_after))


class _Flaky(http.server.BaseHTTPRequestHandler):
    """A real HTTP server that answers 429/503 first, as a proxy or an overloaded node would."""
    script = []
    seen = []

    def _answer(self):
        self.seen.append((self.command, self.path, self.headers.get("X-Request-ID")))
        status, headers = self.script.pop(0) if self.script else (200, {})
        body = b'{"status": "healthy"}' if status == 200 else (
            b'{"error": {"code": "RATE_LIMITED", "message": "slow down", "details": {"retryAfter": 1}, "requestId": "req_x"}}'
            if status == 429 else b"<html>bad gateway</html>")
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *a):
        pass


@pytest.fixture
def flaky():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    _Flaky.seen.clear()
    yield f"http://127.0.0.1:{srv.server_address[1]}", _Flaky
    srv.shutdown()


def test_retries_honour_retry_after_and_keep_the_request_id(flaky):
    url, handler = flaky
    handler.script[:] = [(429, {"Retry-After": "1"}), (503, {}), (200, {})]
    c = JanuaClient(base_url=url)
    started = time.monotonic()
    assert c.health_check()["status"] == "healthy"
    assert time.monotonic() - started >= 1.0
    assert len(handler.seen) == 3 and len({rid for _, _, rid in handler.seen}) == 1


def test_post_is_not_retried_on_5xx_and_errors_without_janua_body_map_by_status(flaky):
    url, handler = flaky
    handler.script[:] = [(502, {}), (200, {})]
    c = JanuaClient(base_url=url)
    with pytest.raises(ServerError) as e:
        c.auth.sign_in(email="a@example.com", password="x")
    assert e.value.code == "HTTP_502" and len(handler.seen) == 1


def test_max_retries_zero_and_long_retry_after_surface_at_once(flaky):
    url, handler = flaky
    handler.script[:] = [(429, {"Retry-After": "1"})]
    with pytest.raises(RateLimitError) as e:
        JanuaClient(base_url=url, max_retries=0).health_check()
    assert e.value.retry_after == 1 and e.value.code == "RATE_LIMITED"


def test_network_errors(base_url):
    c = JanuaClient(base_url="http://127.0.0.1:9", max_retries=1)
    with pytest.raises(NetworkError) as e:
        c.health_check()
    assert e.value.code == "NETWORK_ERROR" and e.value.request_id.startswith("req_")


def test_insecure_production_url_is_refused():
    with pytest.raises(ValidationError) as e:
        JanuaClient(base_url="http://id.example.com", environment="production")
    assert e.value.code == "INSECURE_BASE_URL"
    JanuaClient(base_url="http://id.example.com", environment="development")
