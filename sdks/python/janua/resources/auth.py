"""``client.auth``: sign-up, sign-in, tokens, password, email verification, profile, social login."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .._http import NONE, USER
from .._resource import Resource, body, call
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

    # -- social login (seed 003); served once the server's social-login module lands

    def get_oauth_url(self, provider: OAuthProvider, redirect_uri: str, scopes: Optional[List[str]] = None,
                      state: Optional[str] = None) -> str:
        params = {"redirect_uri": redirect_uri, "scopes": " ".join(scopes) if scopes else None, "state": state}
        c = call("oauth.url", path_params={"provider": value_of(provider)}, params=params, auth=NONE,
                 parse=lambda d: OAuthURL.from_dict(d).auth_url)
        return self._run(c)

    def handle_oauth_callback(self, provider: OAuthProvider, code: str, state: Optional[str] = None,
                              redirect_uri: Optional[str] = None) -> AuthResult:
        b = body(code=code, state=state, redirect_uri=redirect_uri)
        return self._run(call("oauth.callback", path_params={"provider": value_of(provider)}, json=b, auth=NONE,
                              parse=self._client._store_auth))

    def link_oauth_account(self, provider: OAuthProvider, access_token: Optional[str] = None,
                           code: Optional[str] = None) -> Dict[str, Any]:
        b = body(access_token=access_token, code=code)
        return self._run(call("oauth.link", path_params={"provider": value_of(provider)}, json=b, auth=USER))

    def unlink_oauth_account(self, provider: OAuthProvider) -> Dict[str, Any]:
        return self._run(call("oauth.unlink", path_params={"provider": value_of(provider)}, auth=USER))
