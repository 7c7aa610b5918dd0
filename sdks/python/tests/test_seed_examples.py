"""Every Python example of seed 003 (tests/seed/seed-003-python-sdk-readme.md, copied verbatim) runs against
the server, through this SDK, statement by statement.

What the test does besides running the code — the parts a developer plays when they try an example:

* **Configuration**: ``JANUA_BASE_URL`` points at the test server (the seed documents that variable);
  ``"your_api_key"`` is replaced by a real platform API key.
* **Example data**: the seed's emails (``user@example.com`` …) get a suffix per example so each example
  signs up its own account, the slug ``acme-corp`` one per run; ``https://yourapp.com/webhooks`` becomes a
  local receiver. Later examples continue the Quick Start, so ``JanuaClient`` is already imported.
* **Secrets from the outside world**: ``"reset_token_from_email"`` and ``invite_token`` come from the dev
  mailbox, ``"123456"`` is a TOTP code computed from the enrolled secret (or the code in the dev SMS outbox
  for ``verify_sms``), ``"OldPassword123!"`` is the account's current password.
* **Who is signed in**: each example's ``client`` is the client that example implies (a user after
  sign-up; the platform admin for webhooks and for adding members directly; the invitee when accepting).
  ``user_id``/``session_id`` are bound to real ids (for ``sessions.revoke`` a second session of the user,
  so the example does not sign itself out before its last lines).

What cannot run as written, and why, is in ``NOT_RUNNABLE`` / ``DEVIATIONS`` (asserted below, and listed in
sdks/python/README.md).
"""
from __future__ import annotations

import ast
import copy
import logging
import re

import httpx
import pytest

import support
from janua import JanuaClient
from janua.exceptions import NotSupportedError

SEED = (support.HERE / "seed" / "seed-003-python-sdk-readme.md").read_text()
BLOCKS = [m.group(1) for m in re.finditer(r"```python\n(.*?)```", SEED, re.S)]
TITLES = []
for _m in re.finditer(r"```python\n(.*?)```", SEED, re.S):
    TITLES.append([line for line in SEED[:_m.start()].splitlines() if line.startswith("#")][-1].lstrip("# ").strip())

# Examples whose server side does not exist yet (built in parallel by other issues).
NOT_RUNNABLE = {
    "OAuth Authentication": "social login is not served by this server yet (no /auth/oauth/* routes; being built in "
                            "parallel); the example also needs an upstream provider's authorization code",
    "Passkeys (WebAuthn)": "passkeys are not served by this server yet (no /passkeys/* routes; being built in "
                           "parallel); the example also needs a browser's WebAuthn credential "
                           "(webauthn_credential_response), to be produced by a software authenticator once the server side exists",
}
# Statements that run, but not exactly as written.
DEVIATIONS = {
    ("Multi-Factor Authentication", "generate_backup_codes"):
        "Janua asks for re-authentication to replace backup codes: the test adds password=<the user's password>",
    ("Session Management", "update_device"):
        "raises NotSupportedError: Janua has no device registry yet (devices module not built), so a session's device "
        "can be neither renamed nor trusted (client.mfa.trust_device covers skipping MFA)",
}


def _served(base_url: str, prefix: str) -> bool:
    doc = httpx.get(f"{base_url}/openapi.json", timeout=30).json()
    return any(p.startswith("/api/v1" + prefix) for p in doc["paths"])


class Harness:
    def __init__(self, base_url, key, index):
        self.base_url, self.key, self.index = base_url, key, index
        self.title = TITLES[index]
        self.emails = {}
        self.placeholders = {"your_api_key": lambda ns, stmt: self.key}
        self.before = []   # (substring of the statement, action(ns))
        self.extra_kwargs = []  # (substring, {name: value-callable})
        self.expect = []   # (substring, exception type)
        # the examples continue the Quick Start, whose `from janua import JanuaClient` later blocks rely on
        self.ns = {"__name__": f"seed003_example_{index}", "JanuaClient": JanuaClient}

    def email(self, seed_email: str) -> str:
        if seed_email not in self.emails:
            local, domain = seed_email.split("@")
            self.emails[seed_email] = f"{local}.ex{self.index}.{support.RUN}@{domain}"
            self.placeholders[seed_email] = lambda ns, stmt, e=seed_email: self.emails[e]
        return self.emails[seed_email]

    def signed_up(self, seed_email: str = "user@example.com") -> JanuaClient:
        c = JanuaClient(api_key=self.key)
        c.auth.sign_up(email=self.email(seed_email), password="SecurePassword123!")
        return c

    def run(self):
        source = BLOCKS[self.index]
        for address in re.findall(r"[\w.+-]+@example\.com", source):
            self.email(address)
        tree = ast.parse(source)
        for stmt in tree.body:
            text = ast.get_source_segment(source, stmt)
            for needle, action in self.before:
                if needle in text:
                    action(self.ns)
            node = _Substitute(self, text).visit(copy.deepcopy(stmt))
            for needle, extra in self.extra_kwargs:
                if needle in text:
                    _add_kwargs(node, needle, {k: v(self.ns) for k, v in extra.items()})
            module = ast.fix_missing_locations(ast.Module(body=[node], type_ignores=[]))
            code = compile(module, f"<seed 003: {self.title}>", "exec")
            expected = [exc for needle, exc in self.expect if needle in text]
            if expected:
                with pytest.raises(expected[0]):
                    exec(code, self.ns)
            else:
                exec(code, self.ns)
        return self.ns


class _Substitute(ast.NodeTransformer):
    def __init__(self, harness, text):
        self.h, self.text = harness, text

    def visit_Constant(self, node):
        if isinstance(node.value, str) and node.value in self.h.placeholders:
            return ast.copy_location(ast.Constant(self.h.placeholders[node.value](self.h.ns, self.text)), node)
        return node


def _add_kwargs(node, method, kwargs):
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == method:
            call.keywords += [ast.keyword(arg=k, value=ast.Constant(v)) for k, v in kwargs.items()]


@pytest.fixture(autouse=True)
def _base_url_from_env(monkeypatch, base_url):
    monkeypatch.setenv("JANUA_BASE_URL", base_url)
    monkeypatch.delenv("JANUA_API_KEY", raising=False)
    yield
    logging.getLogger("janua").setLevel(logging.WARNING)  # the debug examples turn logging on


@pytest.fixture(scope="module")
def receiver():
    r = support.WebhookReceiver()
    yield r
    r.close()


def test_the_seed_has_the_examples_this_test_knows():
    assert len(BLOCKS) == 17 and set(NOT_RUNNABLE) <= set(TITLES)


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=TITLES)
def test_seed_example(index, base_url, platform_key, admin, receiver, capsys):
    h = Harness(base_url, platform_key, index)
    title = h.title
    if title in NOT_RUNNABLE:
        prefix = "/auth/oauth" if title.startswith("OAuth") else "/passkeys"
        assert not _served(base_url, prefix), f"the server now serves {prefix}: make the {title!r} example run"
        pytest.skip(NOT_RUNNABLE[title])
    setup = globals().get("_setup_" + re.sub(r"\W+", "_", title.lower()).strip("_"))
    if setup:
        setup(h, admin, receiver)
    ns = h.run()
    check = globals().get("_check_" + re.sub(r"\W+", "_", title.lower()).strip("_"))
    if check:
        check(h, ns, capsys.readouterr().out)


# ------------------------------------------------------------------ per example: what it needs, what it showed

def _check_quick_start(h, ns, out):
    assert ns["user"].email == h.emails["user@example.com"] and ns["session"].id.startswith("sess_")
    assert ns["current_user"].id == ns["user"].id
    assert (ns["updated_user"].first_name, ns["updated_user"].last_name) == ("Jane", "Smith")


def _check_custom_configuration(h, ns, out):
    c = ns["client"]
    assert c.base_url == "https://staging.api.janua.dev" and c.config.environment == "staging" and c.config.debug


def _setup_email_password_authentication(h, admin, receiver):
    h.ns["client"] = JanuaClient(api_key=h.key)
    email = h.email("user@example.com")
    h.placeholders["reset_token_from_email"] = lambda ns, stmt: support.mail_token(email, "prt_")
    h.placeholders["OldPassword123!"] = lambda ns, stmt: "NewSecurePassword123!"
    # "Change password (authenticated user)": the reset above ended every session, so the user signs in again
    h.before.append(("change_password", lambda ns: ns["client"].auth.sign_in(email=email, password="NewSecurePassword123!")))


def _check_email_password_authentication(h, ns, out):
    c = JanuaClient()
    assert c.auth.sign_in(email=h.emails["user@example.com"], password="NewPassword123!")["user"].metadata == {"source": "mobile_app"}


def _setup_user_management(h, admin, receiver):
    ops = JanuaClient(api_key=h.key)
    h.ns["client"] = ops
    h.ns["user_id"] = ops.users.create(email=h.email("user@example.com"), password="SecurePassword123!", first_name="John").id


def _check_user_management(h, ns, out):
    assert ns["user"].email == h.emails["newemail@example.com"] and ns["user"].email_verified is False
    with pytest.raises(Exception) as gone:
        ns["client"].users.get(ns["user_id"])
    assert gone.value.code == "USER_NOT_FOUND"


def _setup_organizations(h, admin, receiver):
    h.ns["client"] = admin  # adding members directly is the platform's privilege: the platform admin runs this example
    h.placeholders["acme-corp"] = lambda ns, stmt: f"acme-corp-{support.RUN}"  # example data: one slug per run
    member = h.signed_up("member@example.com")
    h.ns["user_id"] = member.tokens.user_id
    newcomer = h.signed_up("newmember@example.com")

    def as_invitee(ns):
        ns["invite_token"] = support.mail_token(h.emails["newmember@example.com"], "inv_")
        ns["client"] = newcomer  # accepting happens in the invitee's app, signed in as the invitee
    h.before.append(("accept_invite", as_invitee))


def _check_organizations(h, ns, out):
    org = ns["org"]
    assert org.slug == f"acme-corp-{support.RUN}" and ns["member"].role == "admin" and ns["invite"].status == "pending"
    roles = {m.email: m.role for m in ns["client"].organizations.list_members(org.id)}
    assert roles[h.emails["newmember@example.com"]] == "member" and roles[h.emails["member@example.com"]] == "owner"


def _setup_multi_factor_authentication(h, admin, receiver):
    h.ns["client"] = h.signed_up()
    device = {}

    def code(ns, stmt):
        if "verify_sms" in stmt:
            return support.sms_code("+1234567890")
        if "d" not in device:
            device["d"] = support.TotpDevice(ns["totp_setup"].secret)
        return device["d"].code()
    h.placeholders["123456"] = code
    h.extra_kwargs.append(("generate_backup_codes", {"password": lambda ns: "SecurePassword123!"}))


def _check_multi_factor_authentication(h, ns, out):
    assert ns["result"].verified is True and len(ns["backup"].codes) == 10 and "Backup codes: [" in out
    status = ns["client"].mfa.get_status()
    assert status.enabled and {m["type"] for m in status.methods} == {"totp", "sms"}


def _setup_session_management(h, admin, receiver):
    c = h.signed_up()
    h.ns.update(client=c, user_id=c.tokens.user_id, session_id=c.tokens.session_id)

    def another_session(ns):
        other = JanuaClient()
        other.auth.sign_in(email=h.emails["user@example.com"], password="SecurePassword123!")
        ns["session_id"] = other.tokens.session_id
    h.before.append(("sessions.revoke(session_id)", another_session))
    h.expect.append(("update_device", NotSupportedError))


def _check_session_management(h, ns, out):
    assert ns["session"].is_current and len(ns["sessions"]) >= 1 and ns["refreshed"].access_token
    assert ns["device"].session_id == ns["session_id"] and ns["client"].is_authenticated


def _setup_webhooks(h, admin, receiver):
    h.ns["client"] = admin  # webhook endpoints are managed by platform admins
    h.placeholders["https://yourapp.com/webhooks"] = lambda ns, stmt: receiver.url
    h.receiver = receiver


def _check_webhooks(h, ns, out):
    endpoint = ns["endpoint"]
    assert endpoint.enabled is False and ns["delivery"].event_type == "webhook.test"
    # the example disabled the endpoint before testing it, so the test delivery waits; enabling it sends it
    ns["client"].webhooks.update_endpoint(endpoint.id, enabled=True)
    headers, body, _ = h.receiver.wait_for(lambda e: e["type"] == "webhook.test" and e["data"]["webhookId"] == endpoint.id)

    class Request:  # what a web framework hands the handler
        def __init__(self, body, headers):
            self.body, self.headers = body, headers

    assert ns["webhook_handler"](Request(body, headers)) is None  # valid: processed
    assert ns["webhook_handler"](Request(body.replace(b"test", b"tset"), headers)) == 401
    ns["client"].webhooks.delete_endpoint(endpoint.id)


def _setup_error_handling(h, admin, receiver):
    h.ns["client"] = JanuaClient(api_key=h.key)


def _check_error_handling(h, ns, out):
    assert "Authentication failed: Invalid email or password" in out


def _check_async_support(h, ns, out):
    assert JanuaClient().auth.sign_in(email=h.emails["user@example.com"], password="SecurePassword123!")["user"]


def _check_testing(h, ns, out):
    ns["test_sign_up"](ns["mock_client"].__pytest_wrapped__.obj())


def _check_custom_headers(h, ns, out):
    assert ns["client"].config.custom_headers["X-Request-ID"] == "unique_id"


def _check_retry_configuration(h, ns, out):
    assert (ns["client"].config.max_retries, ns["client"].config.timeout) == (5, 60.0)


def _check_debug_mode(h, ns, out):
    assert ns["client"].config.debug is False


def _setup_health_check(h, admin, receiver):
    h.ns["client"] = JanuaClient(api_key=h.key)


def _check_health_check(h, ns, out):
    assert "API Status: healthy" in out and "API Version: v1" in out


def test_deviations_are_the_documented_ones():
    readme = (support.HERE.parent / "README.md").read_text()
    for (title, method), why in DEVIATIONS.items():
        assert method in readme and title in readme, (title, method)
    for title in NOT_RUNNABLE:
        assert title in readme
