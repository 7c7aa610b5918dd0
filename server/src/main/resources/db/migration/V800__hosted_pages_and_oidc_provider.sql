-- Hosted pages: the browser cookie of a Janua session. Only the SHA-256 of the cookie's secret is
-- kept; the session itself lives in `sessions` (listed, revocable, expiring like any other).
CREATE TABLE browser_sessions (
    secret_hash  VARCHAR(64) PRIMARY KEY,
    session_id   VARCHAR(40) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id      VARCHAR(40) NOT NULL,
    auth_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    amr          VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX browser_sessions_session_idx ON browser_sessions (session_id);

-- OpenID Provider: applications (OAuth clients). Secrets are stored as SHA-256 (they are 256-bit random).
CREATE TABLE oidc_applications (
    id                        VARCHAR(40) PRIMARY KEY,
    client_id                 VARCHAR(100) NOT NULL UNIQUE,
    client_secret_hash        VARCHAR(100),
    name                      VARCHAR(200) NOT NULL,
    app_type                  VARCHAR(20) NOT NULL,
    redirect_uris             VARCHAR(4000) NOT NULL,
    post_logout_redirect_uris VARCHAR(4000) NOT NULL,
    grant_types               VARCHAR(400) NOT NULL,
    scopes                    VARCHAR(1000) NOT NULL,
    first_party               BOOLEAN NOT NULL DEFAULT FALSE,
    access_token_ttl_s        INTEGER NOT NULL,
    refresh_token_ttl_s       INTEGER NOT NULL,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    secret_rotated_at         TIMESTAMP WITH TIME ZONE
);

-- Spring Authorization Server's authorizations (codes, tokens, their state). The whole object is
-- sealed (AES-GCM under the master key); lookups go through SHA-256 hashes of each token value.
CREATE TABLE oidc_authorizations (
    id                  VARCHAR(100) PRIMARY KEY,
    registered_client_id VARCHAR(100) NOT NULL,
    principal_name      VARCHAR(200) NOT NULL,
    state_hash          VARCHAR(64),
    code_hash           VARCHAR(64),
    access_token_hash   VARCHAR(64),
    refresh_token_hash  VARCHAR(64),
    id_token_hash       VARCHAR(64),
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sealed              TEXT NOT NULL
);
CREATE INDEX oidc_authorizations_state_idx ON oidc_authorizations (state_hash);
CREATE INDEX oidc_authorizations_code_idx ON oidc_authorizations (code_hash);
CREATE INDEX oidc_authorizations_access_idx ON oidc_authorizations (access_token_hash);
CREATE INDEX oidc_authorizations_refresh_idx ON oidc_authorizations (refresh_token_hash);
CREATE INDEX oidc_authorizations_id_token_idx ON oidc_authorizations (id_token_hash);
CREATE INDEX oidc_authorizations_expiry_idx ON oidc_authorizations (expires_at);

-- A person's consent to an application's scopes.
CREATE TABLE oidc_consents (
    registered_client_id VARCHAR(100) NOT NULL,
    principal_name       VARCHAR(200) NOT NULL,
    authorities          VARCHAR(2000) NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);
