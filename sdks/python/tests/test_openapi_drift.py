"""The SDK's route table against the running server's OpenAPI document: a route the SDK calls that the
document does not list means the SDK and the server drifted apart (renamed path, removed operation)."""
from __future__ import annotations

import re

import httpx
import pytest

from janua._routes import ROOT_ROUTES, ROUTES


def _norm(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


@pytest.fixture(scope="module")
def operations(base_url):
    doc = httpx.get(f"{base_url}/openapi.json", timeout=30).json()
    ops = set()
    for path, item in doc["paths"].items():
        short = path[len("/api/v1"):] if path.startswith("/api/v1/") else path
        for method in item:
            if method in ("get", "post", "put", "patch", "delete"):
                ops.add((method.upper(), _norm(short)))
    return ops


def test_every_route_the_sdk_calls_is_in_the_openapi_document(operations):
    missing = [(name, m, p) for name, (m, p) in ROUTES.items()
               if (m, _norm(p)) not in operations]
    assert not missing, f"SDK routes missing from /openapi.json: {missing}"


def test_root_routes(operations, base_url):
    # /health and /ready are outside springdoc's scan; check they answer instead
    for name, (method, path) in ROOT_ROUTES.items():
        assert httpx.request(method, base_url + path, timeout=30).status_code == 200, name
