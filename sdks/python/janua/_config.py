"""Client configuration: explicit arguments, else ``JANUA_*`` environment variables, else defaults."""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from typing import Callable, Dict, Optional
from urllib.parse import urlsplit

DEFAULT_BASE_URL = "http://localhost:8000"


def _truthy(value: Optional[str]) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def _is_loopback(host: str) -> bool:
    if host in ("localhost",) or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def api_root(base_url: str) -> str:
    """``https://id.example.com`` → ``https://id.example.com/api/v1`` (kept when it already ends in /api/v1 or /v1)."""
    url = base_url.rstrip("/")
    if url.endswith("/api/v1") or url.endswith("/v1"):
        return url
    return url + "/api/v1"


def server_root(base_url: str) -> str:
    url = base_url.rstrip("/")
    for suffix in ("/api/v1", "/v1"):
        if url.endswith(suffix):
            return url[: -len(suffix)]
    return url


@dataclass
class Config:
    api_key: Optional[str] = None
    base_url: str = DEFAULT_BASE_URL
    timeout: float = 30.0
    max_retries: int = 3
    max_retry_after: float = 10.0
    environment: str = "production"
    debug: bool = False
    custom_headers: Dict[str, str] = field(default_factory=dict)
    on_tokens: Optional[Callable] = None
    accept_language: Optional[str] = None

    @classmethod
    def build(cls, api_key=None, base_url=None, timeout=30.0, max_retries=3, environment=None, debug=None,
              custom_headers=None, max_retry_after=10.0, on_tokens=None, accept_language=None) -> "Config":
        cfg = cls(
            api_key=api_key if api_key is not None else (os.environ.get("JANUA_API_KEY") or None),
            base_url=base_url or os.environ.get("JANUA_BASE_URL") or DEFAULT_BASE_URL,
            timeout=float(timeout),
            max_retries=int(max_retries),
            max_retry_after=float(max_retry_after),
            environment=environment or os.environ.get("JANUA_ENVIRONMENT") or "production",
            debug=bool(debug) if debug is not None else _truthy(os.environ.get("JANUA_DEBUG")),
            custom_headers=dict(custom_headers or {}),
            on_tokens=on_tokens,
            accept_language=accept_language,
        )
        cfg.validate()
        return cfg

    def validate(self) -> None:
        from .exceptions import ValidationError
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError(f"base_url must be an http(s) URL, got {self.base_url!r}", code="INVALID_CONFIGURATION",
                                  details={"field": "base_url"})
        if self.max_retries < 0:
            raise ValidationError("max_retries must be >= 0", code="INVALID_CONFIGURATION", details={"field": "max_retries"})
        # In production, keys and tokens never travel in clear text beyond this machine.
        if self.environment == "production" and parts.scheme == "http" and not _is_loopback(parts.hostname):
            raise ValidationError(
                "base_url uses plain http to a remote host in the production environment; use https "
                "(or set environment='development')", code="INSECURE_BASE_URL", details={"field": "base_url"})
