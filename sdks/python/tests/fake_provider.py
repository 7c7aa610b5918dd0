"""Upstream social-login providers for the tests, on a local port: a Google-like OpenID Provider
(discovery, JWKS, RS256 ID tokens carrying the request's nonce, checked PKCE) and a GitHub-like OAuth 2.0
server (``/user``, ``/user/emails``). Both are non-interactive — the authorization request is answered at
once with a redirect to Janua's callback, as a user who is signed in at the provider and consents would.
Janua is configured to use them through its provider admin API (endpoints overridden, as
docs/social-login.md documents), so its real code path (state, PKCE, ID-token checks, account resolution)
runs; only the provider is a double.
"""
from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import httpx

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

CLIENT_ID, CLIENT_SECRET = "sdk-tests-client", "sdk-tests-secret"
APP_CALLBACK = "https://yourapp.com/callback"  # seed 003's redirect_uri, registered in server.env (JANUA_OAUTH_REDIRECT_URIS)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _int_b64(n: int) -> str:
    return _b64(n.to_bytes((n.bit_length() + 7) // 8, "big"))


class FakeProviders:
    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(4)
        self.codes = {}  # code → (provider, request params, user)
        self.users = {"google": None, "github": None}  # who is "signed in" at each provider
        providers = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                providers._get(self)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                providers._post(self, parse_qs(self.rfile.read(length).decode()))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()

    # -- what Janua's provider admin API is given

    def google_config(self):
        return {"provider": "google", "clientId": CLIENT_ID, "clientSecret": CLIENT_SECRET, "issuer": self.url + "/google"}

    def github_config(self):
        return {"provider": "github", "clientId": CLIENT_ID, "clientSecret": CLIENT_SECRET,
                "authorizationUrl": self.url + "/github/authorize", "tokenUrl": self.url + "/github/token",
                "userinfoUrl": self.url + "/github/user"}

    # -- HTTP

    @staticmethod
    def _send(h, status, body=None, location=None):
        h.send_response(status)
        if location:
            h.send_header("Location", location)
        data = json.dumps(body).encode() if body is not None else b""
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def _get(self, h):
        u = urlparse(h.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        if u.path == "/google/.well-known/openid-configuration":
            base = self.url + "/google"
            return self._send(h, 200, {"issuer": base, "authorization_endpoint": base + "/authorize",
                                       "token_endpoint": base + "/token", "jwks_uri": base + "/jwks",
                                       "userinfo_endpoint": base + "/userinfo", "response_types_supported": ["code"],
                                       "subject_types_supported": ["public"],
                                       "id_token_signing_alg_values_supported": ["RS256"],
                                       "code_challenge_methods_supported": ["S256"]})
        if u.path == "/google/jwks":
            pub = self.key.public_key().public_numbers()
            return self._send(h, 200, {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid,
                                                 "n": _int_b64(pub.n), "e": _int_b64(pub.e)}]})
        if u.path in ("/google/authorize", "/github/authorize"):
            provider = u.path.split("/")[1]
            if q.get("client_id") != CLIENT_ID:
                return self._send(h, 400, {"error": "invalid_client"})
            code = secrets.token_urlsafe(16)
            self.codes[code] = (provider, q, self.users[provider])
            return self._send(h, 302, location=q["redirect_uri"] + "?" + urlencode({"code": code, "state": q["state"]}))
        token = (h.headers.get("Authorization") or "").removeprefix("Bearer ").removeprefix("token ")
        user = self.codes.get("at:" + token)
        if u.path == "/github/user" and user:
            return self._send(h, 200, {"id": user["id"], "login": user["login"], "name": user["name"], "email": None})
        if u.path == "/github/user/emails" and user:
            return self._send(h, 200, [{"email": user["email"], "primary": True, "verified": True}])
        if u.path == "/google/userinfo" and user:
            return self._send(h, 200, {"sub": user["sub"], "email": user["email"], "email_verified": True})
        return self._send(h, 404, {"error": "not_found"})

    def _post(self, h, form):
        u = urlparse(h.path)
        f = {k: v[0] for k, v in form.items()}
        entry = self.codes.pop(f.get("code"), None)
        if u.path not in ("/google/token", "/github/token") or entry is None:
            return self._send(h, 400, {"error": "invalid_grant"})
        provider, request, user = entry
        verifier = f.get("code_verifier")
        if request.get("code_challenge") and _b64(hashlib.sha256((verifier or "").encode()).digest()) != request["code_challenge"]:
            return self._send(h, 400, {"error": "invalid_grant", "error_description": "PKCE"})
        access = secrets.token_urlsafe(24)
        self.codes["at:" + access] = user
        answer = {"access_token": access, "token_type": "Bearer", "expires_in": 3600, "scope": request.get("scope", "")}
        if provider == "google":
            answer["id_token"] = self._id_token(user, request.get("nonce"))
        return self._send(h, 200, answer)

    def _id_token(self, user, nonce):
        now = int(time.time())
        header = {"alg": "RS256", "typ": "JWT", "kid": self.kid}
        claims = {"iss": self.url + "/google", "aud": CLIENT_ID, "sub": user["sub"], "email": user["email"],
                  "email_verified": True, "name": user["name"], "iat": now, "exp": now + 300}
        if nonce:
            claims["nonce"] = nonce
        signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
        signature = self.key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        return signing_input + "." + _b64(signature)


def browser_signs_in_at_provider(auth_url: str, app_callback: str = APP_CALLBACK) -> dict:
    """The browser's part: open the provider's URL (the double answers at once), follow its redirect to Janua's
    callback, and stop at Janua's redirect to the app; answers the app's query (code, state)."""
    to_janua = httpx.get(auth_url, timeout=30)
    assert to_janua.status_code == 302, to_janua.text
    to_app = httpx.get(to_janua.headers["location"], timeout=30)
    assert to_app.status_code == 302, to_app.text
    location = to_app.headers["location"]
    assert location.startswith(app_callback + "?"), location
    query = {k: v[0] for k, v in parse_qs(urlparse(location).query).items()}
    assert "error" not in query, query
    return query
