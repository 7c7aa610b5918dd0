-- Issue 3: organizations, memberships, custom roles, invitations, API keys, user suspension and search.
-- Portable subset of H2 (MODE=PostgreSQL) and PostgreSQL 15 (see STACK.md).

-- Suspension: status 'suspended' with an optional end. A suspension whose end has passed reads as
-- active (JdbcUserRepository), so a timed suspension ends by itself without a job.
ALTER TABLE users ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN suspended_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN suspended_reason VARCHAR(500);
ALTER TABLE users ADD COLUMN suspended_by VARCHAR(40);

-- users.search_text and organizations.search_text (what "search by name or email" matches) are
-- generated columns, whose syntax differs between H2 and PostgreSQL: db/vendor/{h2,postgresql}/V301.

-- Admin list filters walk the primary key (ids are time-ordered) with these beside it.
CREATE INDEX users_status_idx ON users (status, id);

CREATE TABLE organizations (
    id                          VARCHAR(40)   PRIMARY KEY,
    name                        VARCHAR(200)  NOT NULL,
    slug                        VARCHAR(64)   NOT NULL,
    description                 VARCHAR(2000),
    domain                      VARCHAR(253),
    logo_url                    VARCHAR(2048),
    billing_email               VARCHAR(320),
    allow_self_signup           BOOLEAN       NOT NULL DEFAULT FALSE,
    require_email_verification  BOOLEAN       NOT NULL DEFAULT FALSE,
    default_role                VARCHAR(64)   NOT NULL DEFAULT 'member',
    sso_required                BOOLEAN       NOT NULL DEFAULT FALSE,
    mfa_required                BOOLEAN       NOT NULL DEFAULT FALSE,
    session_timeout_s           INTEGER,
    allowed_domains             VARCHAR(4000),
    allowed_ip_ranges           VARCHAR(4000),
    created_by                  VARCHAR(40),
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organizations_slug_unique UNIQUE (slug)
);

-- One row per (organization, user): the role held there (a system role id such as 'role_admin' or a
-- custom role id) and extra permissions granted on top of it (JSON array).
CREATE TABLE organization_members (
    organization_id  VARCHAR(40) NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id          VARCHAR(40) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id          VARCHAR(40) NOT NULL,
    permissions      VARCHAR(4000),
    added_by         VARCHAR(40),
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_members_user_idx ON organization_members (user_id, organization_id);
CREATE INDEX organization_members_role_idx ON organization_members (organization_id, role_id, user_id);

-- Custom roles of an organization (system roles live in code: rbac.SystemRole).
CREATE TABLE roles (
    id               VARCHAR(40)  PRIMARY KEY,
    organization_id  VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role_key         VARCHAR(64)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    description      VARCHAR(500),
    permissions      VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT roles_org_key_unique UNIQUE (organization_id, role_key)
);

-- Invitations carry their own single-use secret (SHA-256 at rest); expiry is read against expires_at.
CREATE TABLE invitations (
    id               VARCHAR(40)  PRIMARY KEY,
    organization_id  VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email            VARCHAR(320) NOT NULL,
    email_normalized VARCHAR(320) NOT NULL,
    role_id          VARCHAR(40)  NOT NULL,
    permissions      VARCHAR(4000),
    message          VARCHAR(2000),
    token_hash       VARCHAR(64)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    invited_by       VARCHAR(40),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ttl_s            INTEGER      NOT NULL,
    sent_count       INTEGER      NOT NULL DEFAULT 1,
    last_sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at      TIMESTAMP WITH TIME ZONE,
    accepted_by      VARCHAR(40),
    revoked_at       TIMESTAMP WITH TIME ZONE,
    revoked_by       VARCHAR(40),
    CONSTRAINT invitations_token_unique UNIQUE (token_hash)
);
CREATE INDEX invitations_org_idx ON invitations (organization_id, id);
CREATE INDEX invitations_email_idx ON invitations (organization_id, email_normalized, status);

-- API keys (sk_…): only the SHA-256 of the key is kept. organization_id NULL = platform scope.
CREATE TABLE api_keys (
    id               VARCHAR(40)  PRIMARY KEY,
    organization_id  VARCHAR(40)  REFERENCES organizations (id) ON DELETE CASCADE,
    name             VARCHAR(100) NOT NULL,
    key_prefix       VARCHAR(16)  NOT NULL,
    key_hash         VARCHAR(64)  NOT NULL,
    permissions      VARCHAR(4000) NOT NULL,
    created_by       VARCHAR(40),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE,
    last_used_at     TIMESTAMP WITH TIME ZONE,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    revoked_by       VARCHAR(40),
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash)
);
CREATE INDEX api_keys_org_idx ON api_keys (organization_id, id);
