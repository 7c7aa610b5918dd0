-- Issue 9: passkeys (WebAuthn). One row per registered credential; the credential id is unique
-- across all users (WebAuthn §7.1 step 22: a credential id registered to anyone is refused).
-- Binary values are base64url text so H2 and PostgreSQL store them the same way.
CREATE TABLE passkeys (
    id                 VARCHAR(40)   PRIMARY KEY,
    user_id            VARCHAR(40)   NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id      VARCHAR(1400) NOT NULL,
    public_key_cose    VARCHAR(4000) NOT NULL,
    sign_count         BIGINT        NOT NULL,
    uv_initialized     BOOLEAN       NOT NULL,
    backup_eligible    BOOLEAN       NOT NULL,
    backed_up          BOOLEAN       NOT NULL,
    transports         VARCHAR(200)  NOT NULL,
    aaguid             VARCHAR(36)   NOT NULL,
    attestation_format VARCHAR(32)   NOT NULL,
    name               VARCHAR(100)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT passkeys_credential_id_unique UNIQUE (credential_id)
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id);

-- Ceremony challenges: server-stored so any node can finish what another began (SECURITY.md:
-- ≥16 random bytes, single use, 5 minutes). Only the SHA-256 of the challenge is kept; the
-- browser returns the challenge itself inside clientDataJSON.
CREATE TABLE passkey_challenges (
    challenge_hash    VARCHAR(64)  PRIMARY KEY,
    ceremony          VARCHAR(20)  NOT NULL,
    user_id           VARCHAR(40),
    mfa_token_hash    VARCHAR(64),
    user_verification VARCHAR(20)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX passkey_challenges_expiry_idx ON passkey_challenges (expires_at);
