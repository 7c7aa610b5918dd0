-- Federation (social login now, enterprise OIDC SSO later): one row per sign-in started at an
-- upstream provider. The state and the browser-binding secret are stored as SHA-256 only; the
-- PKCE verifier is sealed under the master key. A row is spent once (consumed_at) and expires.
CREATE TABLE federation_transactions (
    id              VARCHAR(40)   PRIMARY KEY,
    state_hash      VARCHAR(64)   NOT NULL,
    binding_hash    VARCHAR(80)   NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    connection_id   VARCHAR(100)  NOT NULL,
    organization_id VARCHAR(40),
    user_id         VARCHAR(40),
    nonce           VARCHAR(128),
    code_verifier   VARCHAR(1024),
    redirect_uri    VARCHAR(2048) NOT NULL,
    return_to       VARCHAR(4096),
    client_state    VARCHAR(1024),
    data            VARCHAR(8192),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT federation_transactions_state_unique UNIQUE (state_hash)
);
CREATE INDEX federation_transactions_expiry_idx ON federation_transactions (expires_at);

-- Social-login providers configured through the admin API (environment-configured ones are not
-- stored). organization_key is '' for platform-wide providers so the unique key works on H2 and PostgreSQL.
CREATE TABLE social_providers (
    id                VARCHAR(40)   PRIMARY KEY,
    slug              VARCHAR(64)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    organization_id   VARCHAR(40),
    organization_key  VARCHAR(40)   NOT NULL,
    display_name      VARCHAR(100),
    enabled           BOOLEAN       NOT NULL,
    client_id         VARCHAR(512)  NOT NULL,
    client_secret_enc VARCHAR(8192),
    issuer            VARCHAR(2048),
    authorization_url VARCHAR(2048),
    token_url         VARCHAR(2048),
    userinfo_url      VARCHAR(2048),
    jwks_url          VARCHAR(2048),
    scopes            VARCHAR(1000),
    claim_mapping     VARCHAR(4000),
    settings          VARCHAR(4000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT social_providers_unique UNIQUE (organization_key, slug)
);

-- A user's accounts at providers: (provider, subject) belongs to one user only.
CREATE TABLE social_identities (
    id             VARCHAR(40)   PRIMARY KEY,
    user_id        VARCHAR(40)   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider       VARCHAR(64)   NOT NULL,
    subject        VARCHAR(255)  NOT NULL,
    email          VARCHAR(320),
    email_verified BOOLEAN       NOT NULL DEFAULT FALSE,
    display_name   VARCHAR(200),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT social_identities_subject_unique UNIQUE (provider, subject)
);
CREATE INDEX social_identities_user_idx ON social_identities (user_id, provider);
