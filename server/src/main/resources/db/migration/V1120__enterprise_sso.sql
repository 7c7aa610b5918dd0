-- Issue 10 (part 2): enterprise SSO per organization (SAML 2.0 service provider, OIDC connections),
-- verified domains, the AuthnRequest store and the assertion replay cache. Portable subset of H2
-- (MODE=PostgreSQL) and PostgreSQL 15.

-- One connection per organization. SAML: the IdP's entity id, SSO URL and signing certificates come
-- from metadata (by URL, refreshed, or pasted XML); idp_certs holds every signing certificate the
-- metadata lists (base64 DER, newline separated) so a rollover needs no downtime. OIDC: issuer,
-- client id, client secret sealed under the master key. JSON columns are stored as text.
CREATE TABLE sso_connections (
    id                     VARCHAR(40)   PRIMARY KEY,
    organization_id        VARCHAR(40)   NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    protocol               VARCHAR(8)    NOT NULL,
    provider               VARCHAR(40)   NOT NULL,
    enabled                BOOLEAN       NOT NULL DEFAULT TRUE,
    metadata_url           VARCHAR(2048),
    metadata_xml           TEXT,
    idp_entity_id          VARCHAR(1024),
    idp_sso_url            VARCHAR(2048),
    idp_certs              TEXT,
    metadata_refreshed_at  TIMESTAMP WITH TIME ZONE,
    metadata_error         VARCHAR(1000),
    oidc_issuer            VARCHAR(2048),
    oidc_client_id         VARCHAR(512),
    oidc_client_secret     VARCHAR(4000),
    oidc_scopes            VARCHAR(1000),
    attribute_mapping      VARCHAR(4000) NOT NULL,
    group_role_mapping     VARCHAR(8000) NOT NULL,
    jit_provisioning       BOOLEAN       NOT NULL DEFAULT TRUE,
    update_on_sign_in      BOOLEAN       NOT NULL DEFAULT TRUE,
    default_role           VARCHAR(64),
    allow_idp_initiated    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by             VARCHAR(40),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sso_connections_org_unique UNIQUE (organization_id)
);

-- Email domains an organization claims for SSO. A domain routes sign-ins (home-realm discovery) and
-- counts for ssoRequired only once verified (DNS TXT record carrying the token). One verified owner
-- per domain: domain_verified is the domain while verified, NULL otherwise (NULLs do not collide).
CREATE TABLE sso_domains (
    organization_id     VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    domain              VARCHAR(253) NOT NULL,
    verification_token  VARCHAR(100) NOT NULL,
    verified_at         TIMESTAMP WITH TIME ZONE,
    domain_verified     VARCHAR(253),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, domain),
    CONSTRAINT sso_domains_verified_unique UNIQUE (domain_verified)
);
CREATE INDEX sso_domains_domain_idx ON sso_domains (domain);

-- SP-initiated logins in flight: the AuthnRequest id the response must answer (InResponseTo), the
-- RelayState to resume, single use, short-lived. Any node can finish a login another node started.
CREATE TABLE saml_requests (
    id               VARCHAR(80)  PRIMARY KEY,
    organization_id  VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    relay_state      VARCHAR(2048),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX saml_requests_expiry_idx ON saml_requests (expires_at);

-- Assertion ids already accepted, until they could no longer be valid: the primary key makes a
-- replay fail on every node.
CREATE TABLE saml_assertions_seen (
    assertion_id     VARCHAR(256) PRIMARY KEY,
    organization_id  VARCHAR(40)  NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX saml_assertions_seen_expiry_idx ON saml_assertions_seen (expires_at);

-- Which IdP subject (SAML NameID / OIDC sub) is which Janua user, per organization: a later sign-in
-- finds the account by the subject even after the email changed at the IdP.
CREATE TABLE sso_identities (
    organization_id  VARCHAR(40)  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    subject          VARCHAR(512) NOT NULL,
    user_id          VARCHAR(40)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, subject)
);
CREATE INDEX sso_identities_user_idx ON sso_identities (user_id);
