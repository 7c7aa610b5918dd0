package dev.janua.sdk;

/** Which credential a call sends (sdks/README.md §3). Exactly one credential is ever sent per request. */
enum Credential {
    /** sign-up, sign-in, refresh, password reset, magic links, invitation preview, health: nothing */
    NONE,
    /** calls about "me": the session's access token; without a session the call fails before any request */
    USER,
    /** administration: the API key when configured, else the session */
    ADMIN,
    /** everything else: the session when there is one, else the API key */
    ANY,
    /** the session when there is one, else nothing (accepting an invitation as a new or a signed-in user) */
    SESSION_IF_ANY
}
