"""``client.auth``: sign-up, sign-in, tokens, password, email verification, profile, social login."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .._http import NONE, USER
from .._resource import Resource, body, call
from ..exceptions import NotSupportedError
from ..types import AuthResult, OAuthProvider, OAuthURL, User, value_of


class Auth(Resource):
    def sign_up(self, email: str, password: str, first_name: Optional[str] = None, last_name: Optional[str] = None,
                username: Optional[str] = None, name: Optional[str] = None, metadata: Optional[Dict[str, Any]] = None,
                **extra: Any) -> User:
        """Create an account; the client is then signed in as it (the full answer: ``client.last_auth_result``)."""
        b = body(email=email, password=password, first_name=first_name, last_name=last_name, username=username,
                 name=name, metadata=metadata, **extra)
        return self._run(call("auth.sign_up", json=b, auth=NONE, parse=lambda d: self._client._store_auth(d).user))

    def sign_in(self, email: str, password: str, remember_me: Optional[bool] = None,
                device_token: Optional[str] = None) -> AuthResult:
        """Sign in. ``result["user"]``, ``result["session"]``, ``result["tokens"]``; or ``result.requires_mfa``
        with a challenge to finish by ``client.mfa.create_challenge`` / ``verify_challenge``."""
        b = body(email=email, password=password, remember_me=remember_me,
                 device_token=device_token or self._client.device_token)
        return self._run(call("auth.sign_in", json=b, auth=NONE, parse=self._client._store_auth))

    def sign_out(self) -> None:
        """End the session on the server (its tokens stop working at once) and forget it locally."""
        s = self._client._session
        if s is None:
            return None
        b = None if s.access_token else body(refresh_token=s.refresh_token)
        return self._run(call("auth.sign_out", json=b, auth=USER, parse=lambda d: self._client._clear_session()))

    def refresh_token(self) -> AuthResult:
        """Refresh now (the SDK also refreshes by itself before expiry); returns the new tokens."""
        return self._client._refresh_now()

    def get_current_user(self) -> User:
        return self._run(call("auth.me", auth=USER, parse=User.from_dict))

    def update_profile(self, **fields: Any) -> User:
        """``first_name``, ``last_name``, ``username``, ``phone_number``, ``profile_image_url``, ``bio``,
        ``timezone``, ``locale``, ``metadata`` — absent fields stay unchanged."""
        return self._run(call("auth.update_profile", json=body(**fields), auth=USER, parse=User.from_dict))

    def delete_account(self, password: str, confirmation: str = "DELETE") -> None:
        b = body(password=password, confirmation=confirmation)
        return self._run(call("auth.delete_account", json=b, auth=USER, parse=lambda d: self._client._clear_session()))

    def request_password_reset(self, email: str) -> Dict[str, Any]:
        """Always answers the same, whether or not the email has an account (no enumeration)."""
        return self._run(call("auth.forgot_password", json=body(email=email), auth=NONE))

    def reset_password(self, token: str, new_password: str) -> Dict[str, Any]:
        return self._run(call("auth.reset_password", json=body(token=token, new_password=new_password), auth=NONE))

    def change_password(self, current_password: str, new_password: str,
                        logout_other_sessions: Optional[bool] = None) -> Dict[str, Any]:
        b = body(current_password=current_password, new_password=new_password, logout_other_sessions=logout_other_sessions)
        return self._run(call("auth.change_password", json=b, auth=USER))

    def send_verification_email(self) -> Dict[str, Any]:
        return self._run(call("auth.send_verification_email", auth=USER))

    def verify_email(self, token: str) -> Dict[str, Any]:
        return self._run(call("auth.verify_email", json=body(token=token), auth=NONE))

    # -- sessions held by the client

    def is_authenticated(self) -> bool:
        return self._client._session is not None

    # -- social login (seed 003; docs/social-login.md)

    def list_oauth_providers(self, organization_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """The configured providers: ``[{"id", "name", "enabled", "kind", "authUrl"}]``."""
        return self._run(call("oauth.providers", params={"organization_id": organization_id}, auth=NONE,
                              parse=lambda d: d.get("providers", [])))

    def get_oauth_url(self, provider: OAuthProvider, redirect_uri: str, scopes: Optional[List[str]] = None,
                      state: Optional[str] = None, organization_id: Optional[str] = None) -> str:
        """The provider's authorization URL to send the browser to (``GET /auth/oauth/{provider}/url``).
        ``redirect_uri`` is where Janua sends the browser back with its one-time ``code`` and your ``state``;
        it must be registered (an application's redirect URI or ``JANUA_OAUTH_REDIRECT_URIS``). ``scopes`` are
        asked for besides the provider's defaults. The full answer (``state``, ``expires_at``) is
        ``get_oauth_authorization``."""
        return self._run(self._oauth_url(provider, redirect_uri, scopes, state, organization_id,
                                         lambda d: OAuthURL.from_dict(d).auth_url))

    def get_oauth_authorization(self, provider: OAuthProvider, redirect_uri: str, scopes: Optional[List[str]] = None,
                                state: Optional[str] = None, organization_id: Optional[str] = None) -> OAuthURL:
        """As ``get_oauth_url``, answering ``OAuthURL`` (``auth_url``, ``state``, ``expires_at``)."""
        return self._run(self._oauth_url(provider, redirect_uri, scopes, state, organization_id, OAuthURL.from_dict))

    def _oauth_url(self, provider, redirect_uri, scopes, state, organization_id, parse):
        params = {"redirect_uri": redirect_uri, "scope": " ".join(scopes) if scopes else None, "state": state,
                  "organization_id": organization_id}
        return call("oauth.url", path_params={"provider": value_of(provider)}, params=params, auth=NONE, parse=parse)

    def handle_oauth_callback(self, provider: OAuthProvider, code: str, state: Optional[str] = None,
                              remember_me: Optional[bool] = None) -> AuthResult:
        """Exchange the one-time ``code`` (and ``state``) your ``redirect_uri`` received for the session
        (``POST /auth/oauth/{provider}/callback``): ``user``, ``tokens``, ``session``, ``is_new_user``, or
        ``requires_mfa``. The code is Janua's, single use, valid two minutes."""
        b = body(code=code, state=state, remember_me=remember_me)
        return self._run(call("oauth.callback", path_params={"provider": value_of(provider)}, json=b, auth=NONE,
                              parse=self._client._store_auth))

    def list_oauth_accounts(self) -> List[Dict[str, Any]]:
        """The signed-in user's linked provider accounts (``GET /users/me/identities``)."""
        return self._run(call("oauth.identities", auth=USER, parse=lambda d: d.get("data", [])))

    def link_oauth_account(self, provider: OAuthProvider, redirect_uri: Optional[str] = None, state: Optional[str] = None,
                           access_token: Optional[str] = None) -> OAuthURL:
        """Start linking a provider account to the signed-in user (``POST /users/me/identities``): answers
        the ``auth_url`` to open in the browser; the provider's redirect back completes the link.
        Janua links only through the provider's own sign-in: a provider ``access_token`` obtained elsewhere
        is not accepted (``NotSupportedError``)."""
        if access_token is not None:
            raise NotSupportedError("Janua links a provider account through the provider's sign-in (the auth_url this "
                                    "method answers without access_token), never by a token obtained elsewhere",
                                    code="NOT_SUPPORTED", details={"field": "access_token"})
        b = body(provider=value_of(provider), redirect_uri=redirect_uri, state=state)
        return self._run(call("oauth.link", json=b, auth=USER, parse=OAuthURL.from_dict))

    def unlink_oauth_account(self, provider: OAuthProvider) -> Any:
        """Unlink a provider account, by provider name or identity id (``409 LAST_SIGN_IN_METHOD`` when it is
        the last way in)."""
        return self._run(call("oauth.unlink", path_params={"identity": value_of(provider)}, auth=USER))
