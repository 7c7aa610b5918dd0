"""Helpers of the SDK suite: the dev mailbox and SMS outbox, TOTP codes, fresh users. No mocks: every helper
reads the running server."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import struct
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
PASSWORD = "SecurePassword123!"


def server_env() -> Dict[str, str]:
    env = {}
    for line in (HERE / "server.env").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            k, v = line.split("=", 1)
            env[k] = v
    return env


ENV = server_env()
ADMIN_EMAIL = ENV["JANUA_ADMIN_EMAIL"]
ADMIN_PASSWORD = ENV["JANUA_ADMIN_PASSWORD"]
RUN = uuid.uuid4().hex[:8]


def email(tag: str = "user") -> str:
    return f"{tag}.{RUN}.{uuid.uuid4().hex[:6]}@example.com"


def base_url() -> str:
    return os.environ["JANUA_TEST_BASE_URL"]


def _dev(path: str, to: str) -> List[dict]:
    r = httpx.get(f"{base_url()}/api/v1/dev/{path}", params={"to": to}, timeout=10)
    r.raise_for_status()
    return r.json()["data"]


def mail_token(to: str, prefix: str, timeout: float = 10.0) -> str:
    """The newest ``<prefix>…`` token mailed to ``to`` (polls the dev mailbox until it arrives)."""
    deadline = time.monotonic() + timeout
    pattern = re.compile(re.escape(prefix) + r"[A-Za-z0-9_\-]+")
    while True:
        for message in _dev("mailbox", to):
            m = pattern.search(message["body"])
            if m:
                return m.group(0)
        if time.monotonic() > deadline:
            raise AssertionError(f"no {prefix} token mailed to {to}")
        time.sleep(0.1)


def mail_body(to: str, timeout: float = 10.0) -> str:
    """The newest message mailed to ``to``."""
    deadline = time.monotonic() + timeout
    while True:
        messages = _dev("mailbox", to)
        if messages:
            return messages[0]["body"]
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing mailed to {to}")
        time.sleep(0.1)


def sms_code(to: str, timeout: float = 10.0, after: int = 0) -> str:
    """The newest 6-digit code texted to ``to`` (dev SMS outbox); ``after`` skips that many older messages."""
    deadline = time.monotonic() + timeout
    while True:
        messages = _dev("sms", to)
        if len(messages) > after:
            m = re.search(r"\b(\d{6})\b", messages[0]["body"])
            if m:
                return m.group(1)
        if time.monotonic() > deadline:
            raise AssertionError(f"no code texted to {to}")
        time.sleep(0.1)


def sms_count(to: str) -> int:
    return len(_dev("sms", to))


def totp(secret: str, at: Optional[float] = None, step_offset: int = 0) -> str:
    """RFC 6238 TOTP (SHA-1, 6 digits, 30 s) — the authenticator app's part."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((at if at is not None else time.time()) // 30) + step_offset
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class TotpDevice:
    """An authenticator that never offers the same time step twice (Janua refuses a step once used)."""

    def __init__(self, secret: str):
        self.secret = secret
        self.last_step: Optional[int] = None

    def code(self) -> str:
        now = int(time.time() // 30)
        step = now if self.last_step is None or self.last_step < now else self.last_step + 1
        if step > now + 1:  # the server accepts one step either side; wait for the clock instead
            time.sleep((step - 1) * 30 - time.time() + 0.05)
            now = int(time.time() // 30)
        self.last_step = step
        return totp(self.secret, at=step * 30)


class WebhookReceiver:
    """A real HTTP endpoint on loopback that keeps every delivery (headers, raw body) it receives."""

    def __init__(self):
        import http.server
        import threading
        receiver = self
        self.received: List[tuple] = []
        self.cond = threading.Condition()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.cond:
                    receiver.received.append((dict(self.headers), body))
                    receiver.cond.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *a):
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/webhooks"

    def wait_for(self, predicate, timeout: float = 15.0):
        """The first delivery whose JSON event satisfies ``predicate``: (headers, body, event)."""
        import json
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for headers, body in self.received:
                    event = json.loads(body)
                    if predicate(event):
                        return headers, body, event
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("no matching delivery")
                self.cond.wait(left)

    def close(self) -> None:
        self._server.shutdown()
