-- OpenID Provider: refresh tokens already rotated away. Presenting one again (after the reuse grace
-- window) revokes its whole authorization (RFC 9700 §4.14.2). Only the SHA-256 of the token is kept.
-- The primary key also makes a redemption a claim: of two concurrent redemptions of one token, one
-- inserts the row and the other is refused.
CREATE TABLE oidc_spent_refresh_tokens (
    token_hash       VARCHAR(64) PRIMARY KEY,
    authorization_id VARCHAR(100) NOT NULL,
    spent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oidc_spent_refresh_expiry_idx ON oidc_spent_refresh_tokens (expires_at);

-- An application may belong to an organization: its admins manage it, and its client-credentials
-- tokens carry the organization.
ALTER TABLE oidc_applications ADD COLUMN organization_id VARCHAR(40);
CREATE INDEX oidc_applications_org_idx ON oidc_applications (organization_id);
