"""Fixtures: one Janua server for the session (scripts/sdk-server.sh), the bootstrap admin, a platform API key.

``JANUA_TEST_BASE_URL`` points the suite at a running server (scripts/test-sdk-python.sh sets it); without
it the suite starts one itself with tests/server.env and stops it at the end.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the janua package of this tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import support  # noqa: E402
from janua import JanuaClient  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def server():
    if os.environ.get("JANUA_TEST_BASE_URL"):
        yield os.environ["JANUA_TEST_BASE_URL"]
        return
    script = support.REPO / "scripts" / "sdk-server.sh"
    env = {**os.environ, **support.ENV}
    url = subprocess.run([str(script), "start", "python-pytest"], env=env, check=True, capture_output=True, text=True).stdout.strip()
    os.environ["JANUA_TEST_BASE_URL"] = url
    try:
        yield url
    finally:
        subprocess.run([str(script), "stop", "python-pytest"], env=env, check=False)
        del os.environ["JANUA_TEST_BASE_URL"]


@pytest.fixture(scope="session")
def base_url(server):
    return server


@pytest.fixture(scope="session")
def admin(base_url):
    """A client signed in as the bootstrap admin (JANUA_ADMIN_EMAIL / JANUA_ADMIN_PASSWORD)."""
    c = JanuaClient(base_url=base_url)
    c.auth.sign_in(email=support.ADMIN_EMAIL, password=support.ADMIN_PASSWORD)
    yield c
    c.close()


@pytest.fixture(scope="session")
def platform_key(admin):
    """A platform-scoped API key, as server-side code holds one."""
    key = admin.api_keys.create(name="sdk suite", scope="platform",
                                permissions=["users:read", "users:write", "users:delete", "organizations:read",
                                             "organizations:write", "organization:read", "roles:read", "members:invite", "members:read", "members:update"])
    return key.key


@pytest.fixture
def client(base_url):
    c = JanuaClient(base_url=base_url)
    yield c
    c.close()


@pytest.fixture
def user(base_url):
    """A fresh user, signed up (and so signed in) on its own client: (client, email, password)."""
    c = JanuaClient(base_url=base_url)
    email = support.email()
    c.auth.sign_up(email=email, password=support.PASSWORD, first_name="Test", last_name="User")
    yield c, email, support.PASSWORD
    c.close()
