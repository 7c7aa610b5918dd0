"""``JanuaClient`` (sync) and ``AsyncJanuaClient`` (the same methods as coroutines)."""
from __future__ import annotations

import logging
from typing import Any, Callable, Dict, Mapping, Optional, Set

import httpx

from ._config import Config
from ._http import AsyncHTTPClient, HTTPClient
from ._resource import Call, decode
from ._routes import route
from ._session import TokenSession
from .pagination import AsyncPage, Page
from .resources.access import ApiKeys, Permissions, Roles
from .resources.auth import Auth
from .resources.mfa import MFA
from .resources.misc import AuditLogs, MagicLinks, Passkeys
from .resources.organizations import Organizations
from .resources.sessions import Sessions
from .resources.users import Users
from .resources.webhooks import Webhooks
from .types import AuthResult, Tokens

log = logging.getLogger("janua")


def _http_kwargs(c: Call) -> Dict[str, Any]:
    """The keyword arguments of ``client.http.<method>(path, …)`` for a Call (only those that are set)."""
    kw: Dict[str, Any] = {"auth": c.auth}
    if c.json is not None:
        kw["json"] = c.json
    if c.params:
        kw["params"] = c.params
    if c.root:
        kw["root"] = True
    if c.headers:
        kw["headers"] = c.headers
    return kw


class _ClientBase:
    def __init__(self, api_key: Optional[str] = None, base_url: Optional[str] = None, timeout: float = 30.0,
                 max_retries: int = 3, environment: Optional[str] = None, debug: Optional[bool] = None,
                 custom_headers: Optional[Mapping[str, str]] = None, max_retry_after: float = 10.0,
                 on_tokens: Optional[Callable[[Tokens], Any]] = None, accept_language: Optional[str] = None):
        self._config = Config.build(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries,
                                    environment=environment, debug=debug, custom_headers=custom_headers,
                                    max_retry_after=max_retry_after, on_tokens=on_tokens, accept_language=accept_language)
        self._session: Optional[TokenSession] = None
        self._pending_mfa: Optional[AuthResult] = None
        self._stepup_challenges: Set[str] = set()
        self._trust_next_device = False
        self._trusted_device_name: Optional[str] = None
        self.device_token: Optional[str] = None
        self.last_auth_result: Optional[AuthResult] = None
        if self._config.debug:
            self.enable_debug()
        self.auth = Auth(self)
        self.users = Users(self)
        self.organizations = Organizations(self)
        self.mfa = MFA(self)
        self.passkeys = Passkeys(self)
        self.sessions = Sessions(self)
        self.webhooks = Webhooks(self)
        self.magic_links = MagicLinks(self)
        self.api_keys = ApiKeys(self)
        self.roles = Roles(self)
        self.permissions = Permissions(self)
        self.audit_logs = AuditLogs(self)

    # -- configuration

    @property
    def config(self) -> Config:
        return self._config

    @property
    def api_key(self) -> Optional[str]:
        return self._config.api_key

    @property
    def base_url(self) -> str:
        return self._config.base_url

    def enable_debug(self) -> None:
        """Log each request (method, URL, status, request id, duration — never bodies or credentials) to the
        ``janua`` logger at DEBUG; adds a stderr handler if the app configured none."""
        self._config.debug = True
        if not log.handlers and not logging.getLogger().handlers:
            logging.basicConfig()
        log.setLevel(logging.DEBUG)

    def disable_debug(self) -> None:
        self._config.debug = False

    # -- the signed-in user's session

    @property
    def tokens(self) -> Optional[TokenSession]:
        return self._session

    @property
    def is_authenticated(self) -> bool:
        return self._session is not None

    def set_session(self, access_token: str, refresh_token: Optional[str] = None, expires_at: Optional[str] = None) -> None:
        """Adopt tokens obtained elsewhere (a cookie store, another process)."""
        self._session = TokenSession.from_tokens({"accessToken": access_token, "refreshToken": refresh_token,
                                                  "expiresAt": expires_at})

    def clear_session(self) -> None:
        """Forget the session locally (``auth.sign_out`` also ends it on the server)."""
        self._clear_session()

    def _clear_session(self, *_: Any) -> None:
        self._session = None
        self._pending_mfa = None

    def _notify_tokens(self, data: Dict[str, Any]) -> None:
        if self._config.on_tokens is not None:
            self._config.on_tokens(Tokens.from_dict(data))

    def _store_auth(self, data: Any) -> AuthResult:
        """Keep what a sign-in-like answer carries: the session's tokens, or the pending MFA challenge."""
        result = AuthResult.from_dict(data or {})
        self.last_auth_result = result
        if result.trusted_device is not None and result.trusted_device.device_token:
            self.device_token = result.trusted_device.device_token
            self._trust_next_device = False
        if result.requires_mfa:
            self._pending_mfa = result
            return result
        tokens = (data or {}).get("tokens")
        if tokens and tokens.get("accessToken"):
            self._session = TokenSession.from_tokens(tokens, (data or {}).get("session"))
            self._pending_mfa = None
            self._notify_tokens(tokens)
        return result

    @property
    def pending_mfa(self) -> Optional[AuthResult]:
        """The sign-in waiting for a second factor, if any."""
        return self._pending_mfa

    def _page_class(self, *a: Any) -> Any:
        raise NotImplementedError


class JanuaClient(_ClientBase):
    """Synchronous client. ``JanuaClient(api_key=…, base_url=…)``; every argument also from ``JANUA_*``."""

    def __init__(self, *args: Any, http_client: Optional[httpx.Client] = None, **kw: Any):
        super().__init__(*args, **kw)
        self.http = HTTPClient(self, http_client)

    def __enter__(self) -> "JanuaClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if isinstance(self.http, HTTPClient):
            self.http.close()

    def _page_class(self, *a: Any) -> Page:
        return Page(*a)

    def _run(self, c: Call) -> Any:
        while True:
            data = None
            if c.method:
                response = getattr(self.http, c.method.lower())(c.path, **_http_kwargs(c))
                data = decode(response, c.raw)
            out = c.parse(data) if c.parse else data
            if not isinstance(out, Call):
                return out
            c = out

    def _refresh_now(self) -> Tokens:
        s = self.http.refresh(force=True)
        return Tokens(access_token=s.access_token, refresh_token=s.refresh_token)

    def health_check(self) -> Dict[str, Any]:
        """``GET /health``: ``{"status": "healthy", "version", "timestamp"}``."""
        _, path = route("health")
        return self._run(Call("GET", path, root=True, auth="none"))

    def get_api_version(self) -> str:
        """The API version of the server's OpenAPI document (``v1``)."""
        _, path = route("openapi")
        return self._run(Call("GET", path, root=True, auth="none", parse=lambda d: d["info"]["version"]))


class AsyncJanuaClient(_ClientBase):
    """Asynchronous client: the same namespaces and methods, each a coroutine. Use ``async with``."""

    def __init__(self, *args: Any, http_client: Optional[httpx.AsyncClient] = None, **kw: Any):
        super().__init__(*args, **kw)
        self.http = AsyncHTTPClient(self, http_client)

    async def __aenter__(self) -> "AsyncJanuaClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def close(self) -> None:
        if isinstance(self.http, AsyncHTTPClient):
            await self.http.aclose()

    def _page_class(self, *a: Any) -> AsyncPage:
        return AsyncPage(*a)

    async def _run(self, c: Call) -> Any:
        while True:
            data = None
            if c.method:
                response = await getattr(self.http, c.method.lower())(c.path, **_http_kwargs(c))
                data = decode(response, c.raw)
            out = c.parse(data) if c.parse else data
            if not isinstance(out, Call):
                return out
            c = out

    async def _refresh_now(self) -> Tokens:
        s = await self.http.refresh(force=True)
        return Tokens(access_token=s.access_token, refresh_token=s.refresh_token)

    async def health_check(self) -> Dict[str, Any]:
        _, path = route("health")
        return await self._run(Call("GET", path, root=True, auth="none"))

    async def get_api_version(self) -> str:
        _, path = route("openapi")
        return await self._run(Call("GET", path, root=True, auth="none", parse=lambda d: d["info"]["version"]))
