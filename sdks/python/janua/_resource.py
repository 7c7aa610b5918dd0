"""How a resource method is written once for both clients.

A method builds a :class:`Call` — route, body, query, credential policy and a ``parse`` function — and
hands it to ``self._run``. The sync client runs it at once and returns the value; the async client returns
a coroutine. ``parse`` may return another :class:`Call` when a method needs a second request (rotate a
secret, then read the endpoint), so even multi-step methods are written once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Mapping, Optional

from ._http import DEFAULT
from ._routes import route
from .types import camel, value_of


@dataclass
class Call:
    method: str
    path: str
    json: Any = None
    params: Optional[Dict[str, Any]] = None
    auth: str = DEFAULT
    parse: Optional[Callable[[Any], Any]] = None
    root: bool = False
    raw: bool = False  # return the body as text (exports)
    headers: Dict[str, str] = field(default_factory=dict)


def call(name: str, *, path_params: Optional[Mapping[str, Any]] = None, **kw: Any) -> Call:
    method, path = route(name, **(path_params or {}))
    return Call(method, path, **kw)


def body(**fields: Any) -> Dict[str, Any]:
    """A JSON body in camelCase without the arguments left at None (absent means "unchanged" on the server)."""
    out: Dict[str, Any] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = [value_of(v) for v in value]
        out[camel(key)] = value_of(value)
    return out


def decode(response: Any, raw: bool = False) -> Any:
    """The JSON of a response (``None`` for 204). Works on ``httpx.Response`` and on test doubles."""
    if getattr(response, "status_code", None) == 204:
        return None
    if raw:
        return response.text
    if isinstance(getattr(response, "content", None), (bytes, bytearray)) and not response.content:
        return None
    return response.json()


class Resource:
    def __init__(self, client: Any):
        self._client = client

    def _run(self, c: Call) -> Any:
        return self._client._run(c)
