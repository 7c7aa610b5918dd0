-- Issue 11: SCIM 2.0 provisioning per organization. Portable subset of H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- Bearer tokens an organization's directory (Okta, Entra ID…) calls /scim/v2 with: shown once, SHA-256 at rest.
CREATE TABLE scim_tokens (
    id               VARCHAR(40)  PRIMARY KEY,
    organization_id  VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name             VARCHAR(200) NOT NULL,
    token_hash       VARCHAR(64)  NOT NULL,
    token_prefix     VARCHAR(16)  NOT NULL,
    created_by       VARCHAR(40),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at     TIMESTAMP WITH TIME ZONE,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT scim_tokens_hash_unique UNIQUE (token_hash)
);
CREATE INDEX scim_tokens_org_idx ON scim_tokens (organization_id, id);

-- What the directory knows about a member beyond the Janua account: its userName (unique per
-- organization, case-insensitively through user_name_lower), externalId, active flag and the
-- enterprise extension. created_account: this organization's directory created the account, so
-- deprovisioning may decide about the account and not only the membership.
CREATE TABLE scim_users (
    organization_id  VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id          VARCHAR(40)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_name        VARCHAR(320) NOT NULL,
    user_name_lower  VARCHAR(320) NOT NULL,
    external_id      VARCHAR(255),
    display_name     VARCHAR(300),
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    employee_number  VARCHAR(100),
    department       VARCHAR(200),
    manager_id       VARCHAR(255),
    created_account  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, user_id),
    CONSTRAINT scim_users_name_unique UNIQUE (organization_id, user_name_lower)
);
CREATE INDEX scim_users_external_idx ON scim_users (organization_id, external_id);

-- SCIM Groups of an organization; role_id maps a group onto a role its members then hold.
CREATE TABLE scim_groups (
    id                  VARCHAR(40)  PRIMARY KEY,
    organization_id     VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    display_name        VARCHAR(300) NOT NULL,
    display_name_lower  VARCHAR(300) NOT NULL,
    external_id         VARCHAR(255),
    role_id             VARCHAR(40),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT scim_groups_name_unique UNIQUE (organization_id, display_name_lower)
);
CREATE INDEX scim_groups_org_idx ON scim_groups (organization_id, id);

CREATE TABLE scim_group_members (
    group_id         VARCHAR(40) NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
    organization_id  VARCHAR(40) NOT NULL,
    user_id          VARCHAR(40) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX scim_group_members_user_idx ON scim_group_members (organization_id, user_id);
