package dev.janua.server.auth;

import dev.janua.server.sessions.Session;
import dev.janua.server.tokens.AccessTokens.IssuedAccessToken;
import dev.janua.server.users.User;

/** A completed sign-in (or sign-up): the user, their new session and its first tokens. */
public record SignInResult(User user, Session session, IssuedAccessToken accessToken, String refreshToken) {}
