"""The SDK's route table against the running server's OpenAPI document: a route the SDK calls that the
document does not list means the SDK and the server drifted apart (renamed path, removed operation)."""
from __future__ import annotations

import re

import httpx
import pytest

from janua._routes import PENDING_SERVER_FEATURES, ROOT_ROUTES, ROUTES

FEATURE_PATHS = {"oauth.": "/auth/oauth", "passkeys.": "/passkeys"}


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
               if not name.startswith(PENDING_SERVER_FEATURES) and (m, _norm(p)) not in operations]
    assert not missing, f"SDK routes missing from /openapi.json: {missing}"


def test_root_routes(operations, base_url):
    # /health and /ready are outside springdoc's scan; check they answer instead
    for name, (method, path) in ROOT_ROUTES.items():
        assert httpx.request(method, base_url + path, timeout=30).status_code == 200, name


@pytest.mark.parametrize("feature", PENDING_SERVER_FEATURES)
def test_features_the_server_is_still_building(operations, feature):
    """Passkeys and social login are built in parallel: once the server lists any route of the feature,
    every SDK route of it must be there too (then remove it from PENDING_SERVER_FEATURES)."""
    served = any(p.startswith(FEATURE_PATHS[feature]) for _, p in operations)
    if not served:
        pytest.skip(f"server does not serve {FEATURE_PATHS[feature]} yet")
    missing = [(n, m, p) for n, (m, p) in ROUTES.items() if n.startswith(feature) and (m, _norm(p)) not in operations]
    assert not missing, f"{feature} routes of the SDK not served by the server: {missing}"
