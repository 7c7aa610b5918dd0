"""Pure pieces, without the server: webhook signatures against the documented recipes, models, config."""
from __future__ import annotations

import base64
import hashlib
import hmac
import time

import pytest

from janua import JanuaClient
from janua._http import parse_retry_after, retry_delay
from janua.exceptions import ValidationError, WebhookVerificationError
from janua.types import AuthResult, User, WebhookEndpoint
from janua.utils import validate_webhook_signature, verify_webhook

BODY = b'{"id":"evt_1","type":"user.created","data":{"user":{"id":"usr_1"}}}'
SECRET = "whsec_" + base64.b64encode(b"k" * 32).decode()


def _janua_headers(ts, body=BODY, secret=SECRET):
    sig = "sha256=" + hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Janua-Signature": sig, "X-Janua-Timestamp": str(ts)}


def test_x_janua_signature_three_and_four_argument_forms():
    ts = int(time.time()) - 42
    h = _janua_headers(ts)
    assert validate_webhook_signature(BODY, h["X-Janua-Signature"], SECRET)
    assert validate_webhook_signature(BODY.decode(), h["X-Janua-Signature"], SECRET, timestamp=ts)
    assert not validate_webhook_signature(BODY, h["X-Janua-Signature"], SECRET, timestamp=ts + 1)
    old = _janua_headers(int(time.time()) - 400)
    assert not validate_webhook_signature(BODY, old["X-Janua-Signature"], SECRET)  # outside the 300 s window
    assert not validate_webhook_signature(BODY, "", SECRET) and not validate_webhook_signature(BODY, "md5=x", SECRET)


def test_standard_webhooks_signature_with_rotation():
    ts, msg = str(int(time.time())), "msg_1"
    old = "whsec_" + base64.b64encode(b"o" * 32).decode()

    def sig(secret):
        key = base64.b64decode(secret[6:])
        return "v1," + base64.b64encode(hmac.new(key, f"{msg}.{ts}.".encode() + BODY, hashlib.sha256).digest()).decode()

    headers = {"webhook-id": msg, "webhook-timestamp": ts, "webhook-signature": f"{sig(SECRET)} {sig(old)}"}
    assert verify_webhook(BODY, headers, SECRET).data["user"]["id"] == "usr_1"
    assert verify_webhook(BODY, headers, [old]).type == "user.created"
    with pytest.raises(WebhookVerificationError) as e:
        verify_webhook(BODY, headers, "whsec_" + base64.b64encode(b"x" * 32).decode())
    assert e.value.code == "INVALID_SIGNATURE"
    with pytest.raises(WebhookVerificationError) as missing:
        verify_webhook(BODY, {}, SECRET)
    assert missing.value.code == "MISSING_SIGNATURE"


def test_models_keep_unknown_fields_and_read_like_dicts():
    u = User.from_dict({"id": "usr_1", "firstName": "Ada", "newField": 7})
    assert u.first_name == "Ada" and u["firstName"] == "Ada" and u["newField"] == 7 and u.get("nope") is None
    r = AuthResult.from_dict({"user": {"id": "usr_1"}, "tokens": {"accessToken": "SECRET_AT"}, "requiresMfa": False})
    assert r["user"].id == "usr_1" and r["tokens"].access_token == "SECRET_AT" and "SECRET_AT" not in repr(r)
    assert WebhookEndpoint.from_dict({"id": "wh_1", "secret": "whsec_x", "active": True}).signing_secret == "whsec_x"


def test_retry_after_forms_and_decisions():
    assert parse_retry_after("42") == 42 and parse_retry_after(None) is None
    assert 0 < parse_retry_after(time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 30))) <= 31

    class R:
        def __init__(self, status, retry_after=None):
            self.status_code, self.headers = status, ({"Retry-After": retry_after} if retry_after else {})

    assert retry_delay("POST", R(429, "2"), 0, 3, 10) == 2
    assert retry_delay("POST", R(429, "3600"), 0, 3, 10) is None   # surfaced, not waited for
    assert retry_delay("POST", R(503), 0, 3, 10) is None            # POST is not repeated on 5xx
    assert retry_delay("GET", R(503), 0, 3, 10) is not None
    assert retry_delay("GET", R(503), 3, 3, 10) is None             # out of retries
    assert retry_delay("GET", R(500), 0, 3, 10) is None


def test_configuration_from_environment(monkeypatch):
    monkeypatch.setenv("JANUA_API_KEY", "sk_env")
    monkeypatch.setenv("JANUA_BASE_URL", "https://id.example.com/")
    monkeypatch.setenv("JANUA_ENVIRONMENT", "staging")
    c = JanuaClient()
    assert (c.api_key, c.config.environment) == ("sk_env", "staging")
    assert c.http.url("/auth/me") == "https://id.example.com/api/v1/auth/me"
    assert JanuaClient(api_key="sk_arg").api_key == "sk_arg"
    assert JanuaClient(base_url="https://id.example.com/v1").http.url("/x") == "https://id.example.com/v1/x"
    with pytest.raises(ValidationError):
        JanuaClient(base_url="ftp://id.example.com")
