package dev.janua.server.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Resolves the caller of a request from its credentials (implemented by the auth module, so the
 * platform depends on no module). Throws a {@code JanuaException} with 401 codes when absent or bad.
 */
public interface CallerAuthenticator {
    Caller authenticate(HttpServletRequest request);
}
