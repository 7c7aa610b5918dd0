"""HTTP transport: credentials, retries with backoff, error mapping, single-flight token refresh.

``client.http`` is an instance of :class:`HTTPClient` (or :class:`AsyncHTTPClient`). Its ``get``/``post``/
``put``/``patch``/``delete`` return the ``httpx.Response`` of a successful call and raise a
:class:`~janua.exceptions.JanuaError` otherwise, so the resource classes only read ``response.json()``.
The retry and refresh rules are those of sdks/README.md (§6, §7); the pure decisions live in the
module-level functions so the sync and async transports share them.
"""
from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import secrets
import string
import threading
import time
from typing import Any, Dict, Mapping, Optional, Tuple

import httpx

from . import exceptions as E
from ._config import api_root, server_root
from ._session import TokenSession
from ._version import __version__

log = logging.getLogger("janua")

IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_ID_ALPHABET = string.ascii_letters + string.digits
# Credential policies (sdks/README.md §3)
USER, ADMIN, DEFAULT, NONE = "user", "admin", "default", "none"


def new_request_id() -> str:
    return "req_" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(24))


def clean_params(params: Optional[Mapping[str, Any]]) -> Optional[Dict[str, Any]]:
    if not params:
        return None
    out: Dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif hasattr(value, "value"):
            value = value.value
        out[key] = value
    return out or None


def parse_retry_after(value: Optional[str]) -> Optional[float]:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def backoff(attempt: int) -> float:
    """Full jitter over min(8 s, 0.5 s × 2^attempt) — attempt counts from 0 for the first retry."""
    return random.uniform(0, min(8.0, 0.5 * (2 ** attempt)))


def retry_delay(method: str, response: httpx.Response, attempt: int, max_retries: int, max_retry_after: float) -> Optional[float]:
    """Seconds to wait before retrying this answer, or None when it must be returned/raised now."""
    if attempt >= max_retries:
        return None
    status = response.status_code
    if status == 429 or (status in (502, 503, 504) and method in IDEMPOTENT):
        asked = parse_retry_after(response.headers.get("Retry-After"))
        if asked is None:
            return backoff(attempt)
        return asked if asked <= max_retry_after else None
    return None


def error_from_response(response: httpx.Response, request_id: str) -> E.JanuaError:
    status = response.status_code
    body: Any = None
    try:
        body = response.json()
    except ValueError:
        body = None
    err = body.get("error") if isinstance(body, dict) else None
    if isinstance(err, dict):
        code = err.get("code") or f"HTTP_{status}"
        message = err.get("message") or response.reason_phrase
        details = err.get("details") if isinstance(err.get("details"), dict) else {}
        rid = err.get("requestId") or response.headers.get("X-Request-ID") or request_id
        ts = err.get("timestamp")
    else:  # not Janua's error body (a proxy page, an OAuth protocol error): map by status
        code, message, details = f"HTTP_{status}", response.reason_phrase or f"HTTP {status}", {}
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            code, message = body["error"].upper(), body.get("error_description") or body.get("message") or message
        rid, ts = response.headers.get("X-Request-ID") or request_id, None
    cls = E.error_for_status(status)
    kw = dict(code=code, status_code=status, details=details, request_id=rid, timestamp=ts, headers=response.headers)
    if cls is E.RateLimitError:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if retry_after is None and details.get("retryAfter") is not None:
            retry_after = float(details["retryAfter"])
        return E.RateLimitError(message, retry_after=retry_after, limit=_int(response.headers.get("X-RateLimit-Limit")),
                                remaining=_int(response.headers.get("X-RateLimit-Remaining")),
                                reset_at=_int(response.headers.get("X-RateLimit-Reset")), **kw)
    return cls(message, **kw)


def _int(value: Optional[str]) -> Optional[int]:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def transport_error(exc: Exception, method: str, url: str, request_id: str) -> E.JanuaError:
    if isinstance(exc, httpx.TimeoutException):
        return E.TimeoutError(f"{method} {url} timed out", code="TIMEOUT", request_id=request_id)
    return E.NetworkError(f"{method} {url} failed: {exc}", code="NETWORK_ERROR", request_id=request_id)


def may_retry_transport_error(exc: Exception, method: str) -> bool:
    """Retry when the request surely did not reach the server, or when repeating it is harmless."""
    return method in IDEMPOTENT or isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))


class _Base:
    """What the sync and async transports share: URLs, headers, credential choice, bookkeeping."""

    def __init__(self, owner):
        self._owner = owner

    @property
    def _config(self):
        return self._owner._config

    def url(self, path: str, root: bool = False) -> str:
        if path.startswith("http://") or path.startswith("https://"):
            return path
        base = server_root(self._config.base_url) if root else api_root(self._config.base_url)
        return base + path

    def base_headers(self, request_id: str) -> Dict[str, str]:
        h = {"User-Agent": f"janua-python/{__version__} ({self._config.environment})", "Accept": "application/json",
             "X-Request-ID": request_id}
        if self._config.accept_language:
            h["Accept-Language"] = self._config.accept_language
        h.update(self._config.custom_headers)
        return h

    def choose_credential(self, auth: str) -> Tuple[str, Optional[str]]:
        """(kind, value): kind is "session", "api_key" or "none" (sdks/README.md §3)."""
        session: Optional[TokenSession] = self._owner._session
        key = self._config.api_key
        if auth == NONE:
            return "none", None
        if auth == USER:
            if session is None:
                raise E.AuthenticationError("This call needs a signed-in user: sign in first (or set_session)",
                                            code="NO_SESSION", status_code=None)
            return "session", session.access_token
        if auth == ADMIN and key:
            return "api_key", key
        if session is not None:
            return "session", session.access_token
        if key:
            return "api_key", key
        return "none", None

    @staticmethod
    def apply_credential(headers: Dict[str, str], kind: str, value: Optional[str]) -> None:
        if kind == "session":
            headers["Authorization"] = f"Bearer {value}"
        elif kind == "api_key":
            headers["X-API-Key"] = value

    def debug(self, method: str, url: str, status: Any, request_id: str, started: float) -> None:
        if self._config.debug:
            log.debug("janua %s %s -> %s (%s, %.0f ms)", method, url, status, request_id, (time.monotonic() - started) * 1000)

    def store_refreshed(self, data: Dict[str, Any], old: TokenSession) -> TokenSession:
        new = TokenSession.from_tokens(data, {"id": old.session_id})
        new.user_id = new.user_id or old.user_id
        self._owner._session = new
        self._owner._notify_tokens(data)
        return new

    def after_error(self, err: E.JanuaError, kind: str, used: Optional[str]) -> None:
        # the session behind this token is over: forget it so the app sees "not signed in"
        s = self._owner._session
        if kind == "session" and err.code == "SESSION_EXPIRED" and s is not None and s.access_token == used:
            self._owner._session = None


def _needs_refresh_retry(response: httpx.Response) -> bool:
    if response.status_code != 401:
        return False
    try:
        err = response.json().get("error") or {}
    except (ValueError, AttributeError):
        return False
    return err.get("code") == "INVALID_TOKEN"


class _Flows(_Base):
    """The request, retry and refresh rules written once, as generators that yield what they need done —
    ``("http", request kwargs)``, ``("sleep", seconds)``, ``("refresh", kwargs)`` — so the sync and async
    transports only differ in how they do those three things (``_drive``)."""

    def _send_flow(self, method: str, url: str, json: Any, params: Any, headers: Dict[str, str], request_id: str):
        attempt = 0
        while True:
            started = time.monotonic()
            try:
                response = yield "http", dict(method=method, url=url, json=json, params=params, headers=headers)
            except httpx.TransportError as exc:
                self.debug(method, url, type(exc).__name__, request_id, started)
                if attempt < self._config.max_retries and may_retry_transport_error(exc, method):
                    yield "sleep", backoff(attempt)
                    attempt += 1
                    continue
                raise transport_error(exc, method, url, request_id) from exc
            self.debug(method, url, response.status_code, request_id, started)
            delay = retry_delay(method, response, attempt, self._config.max_retries, self._config.max_retry_after)
            if delay is None:
                return response
            yield "sleep", delay
            attempt += 1

    def _request_flow(self, method: str, path: str, json: Any, params: Optional[Mapping[str, Any]], auth: str,
                      root: bool, headers: Optional[Mapping[str, str]]):
        request_id = (headers or {}).get("X-Request-ID") or self._config.custom_headers.get("X-Request-ID") or new_request_id()
        url = self.url(path, root)
        refreshed = False
        while True:
            kind, value = self.choose_credential(auth)
            if kind == "session" and self._owner._session.expiring():
                value = (yield "refresh", dict(used=value)).access_token
            h = self.base_headers(request_id)
            h.update(headers or {})
            self.apply_credential(h, kind, value)
            response = yield from self._send_flow(method, url, json, clean_params(params), h, request_id)
            if kind == "session" and not refreshed and _needs_refresh_retry(response):
                yield "refresh", dict(used=value, force=True)
                refreshed = True
                continue
            if response.status_code >= 400:
                err = error_from_response(response, request_id)
                self.after_error(err, kind, value)
                raise err
            return response

    def _refresh_flow(self, used: Optional[str], force: bool):
        """Runs under the transport's refresh lock, so concurrent callers share one refresh."""
        s = self._owner._session
        if s is None:
            raise E.AuthenticationError("Not signed in", code="NO_SESSION")
        if used is not None and s.access_token != used:
            return s  # another caller refreshed while this one waited for the lock
        if not force and not s.expiring():
            return s
        if not s.refresh_token:
            raise E.AuthenticationError("The session has no refresh token", code="NO_REFRESH_TOKEN")
        request_id = new_request_id()
        response = yield from self._send_flow("POST", self.url("/auth/refresh"), {"refreshToken": s.refresh_token}, None,
                                              self.base_headers(request_id), request_id)
        if response.status_code >= 400:
            err = error_from_response(response, request_id)
            if err.code in ("INVALID_REFRESH_TOKEN", "REFRESH_TOKEN_REUSED"):
                self._owner._session = None
            raise err
        return self.store_refreshed(response.json(), s)


class HTTPClient(_Flows):
    """Synchronous transport (``JanuaClient.http``)."""

    def __init__(self, owner, http: Optional[httpx.Client] = None):
        super().__init__(owner)
        self._http = http or httpx.Client(timeout=owner._config.timeout, follow_redirects=False)
        self._refresh_lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("PUT", path, **kw)

    def patch(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("PATCH", path, **kw)

    def delete(self, path: str, **kw: Any) -> httpx.Response:
        return self.request("DELETE", path, **kw)

    def request(self, method: str, path: str, *, json: Any = None, params: Optional[Mapping[str, Any]] = None,
                auth: str = DEFAULT, root: bool = False, headers: Optional[Mapping[str, str]] = None) -> httpx.Response:
        return self._drive(self._request_flow(method, path, json, params, auth, root, headers))

    def refresh(self, used: Optional[str] = None, force: bool = False) -> TokenSession:
        """Refresh the session's tokens; concurrent callers share one refresh (single flight)."""
        with self._refresh_lock:
            return self._drive(self._refresh_flow(used, force))

    def _drive(self, flow):
        value, error = None, None
        while True:
            try:
                op, arg = flow.throw(error) if error is not None else flow.send(value)
            except StopIteration as done:
                return done.value
            value, error = None, None
            if op == "http":
                try:
                    value = self._http.request(**arg)
                except httpx.TransportError as exc:
                    error = exc
            elif op == "sleep":
                time.sleep(arg)
            else:
                value = self.refresh(**arg)


class AsyncHTTPClient(_Flows):
    """Asynchronous transport (``AsyncJanuaClient.http``): the same flows, driven with ``await``."""

    def __init__(self, owner, http: Optional[httpx.AsyncClient] = None):
        super().__init__(owner)
        self._http = http or httpx.AsyncClient(timeout=owner._config.timeout, follow_redirects=False)
        self._refresh_lock: Optional[asyncio.Lock] = None

    async def aclose(self) -> None:
        await self._http.aclose()

    async def get(self, path: str, **kw: Any) -> httpx.Response:
        return await self.request("GET", path, **kw)

    async def post(self, path: str, **kw: Any) -> httpx.Response:
        return await self.request("POST", path, **kw)

    async def put(self, path: str, **kw: Any) -> httpx.Response:
        return await self.request("PUT", path, **kw)

    async def patch(self, path: str, **kw: Any) -> httpx.Response:
        return await self.request("PATCH", path, **kw)

    async def delete(self, path: str, **kw: Any) -> httpx.Response:
        return await self.request("DELETE", path, **kw)

    async def request(self, method: str, path: str, *, json: Any = None, params: Optional[Mapping[str, Any]] = None,
                      auth: str = DEFAULT, root: bool = False, headers: Optional[Mapping[str, str]] = None) -> httpx.Response:
        return await self._drive(self._request_flow(method, path, json, params, auth, root, headers))

    async def refresh(self, used: Optional[str] = None, force: bool = False) -> TokenSession:
        """Refresh the session's tokens; concurrent tasks share one refresh (single flight)."""
        if self._refresh_lock is None:  # created lazily, inside the running loop
            self._refresh_lock = asyncio.Lock()
        async with self._refresh_lock:
            return await self._drive(self._refresh_flow(used, force))

    async def _drive(self, flow):
        value, error = None, None
        while True:
            try:
                op, arg = flow.throw(error) if error is not None else flow.send(value)
            except StopIteration as done:
                return done.value
            value, error = None, None
            if op == "http":
                try:
                    value = await self._http.request(**arg)
                except httpx.TransportError as exc:
                    error = exc
            elif op == "sleep":
                await asyncio.sleep(arg)
            else:
                value = await self.refresh(**arg)
