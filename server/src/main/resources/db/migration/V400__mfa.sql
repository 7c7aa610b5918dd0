-- Issue 4: second factors (TOTP, backup codes, SMS), sign-in challenges, trusted devices.
-- Portable subset of H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- One authenticator app per user. confirmed_at NULL = set up but not yet confirmed with a code.
-- last_used_step makes a code single use: the conditional UPDATE accepts only a later step.
-- checks_in_window / check_window_start bound the TOTP and backup codes tried per user (all
-- challenges and signed-in checks together), so new challenges do not buy new guesses.
CREATE TABLE mfa_totp (
    user_id            VARCHAR(40) PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_enc         VARCHAR(512) NOT NULL,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    last_used_step     BIGINT,
    checks_in_window   INTEGER NOT NULL DEFAULT 0,
    check_window_start TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Hashed backup codes. activated_at NULL = issued with a TOTP set-up that is not confirmed yet.
CREATE TABLE mfa_backup_codes (
    id               VARCHAR(40) PRIMARY KEY,
    user_id          VARCHAR(40) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash        VARCHAR(255) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at     TIMESTAMP WITH TIME ZONE,
    used_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mfa_backup_codes_user_idx ON mfa_backup_codes (user_id);

-- SMS as a (restricted) second factor: the verified phone it sends codes to.
CREATE TABLE mfa_sms (
    user_id          VARCHAR(40) PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    phone_number     VARCHAR(32) NOT NULL,
    verified_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Codes sent by SMS, one live code per user and purpose (phone verification, sign-in challenge).
CREATE TABLE mfa_sms_codes (
    user_id          VARCHAR(40) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose          VARCHAR(20) NOT NULL,
    phone_number     VARCHAR(32) NOT NULL,
    code_hash        VARCHAR(64) NOT NULL,
    challenge_hash   VARCHAR(64),
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, purpose)
);

-- A pending second step of sign-in (kind 'signin') or a required enrolment (kind 'enrollment').
-- attempts is raised by one conditional UPDATE per code tried, so parallel wrong codes cannot
-- exceed max_attempts; completed_at makes the challenge single use.
CREATE TABLE mfa_challenges (
    token_hash       VARCHAR(64) PRIMARY KEY,
    user_id          VARCHAR(40) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind             VARCHAR(20) NOT NULL,
    first_factor     VARCHAR(32) NOT NULL,
    remember_me      BOOLEAN NOT NULL DEFAULT FALSE,
    attempts         INTEGER NOT NULL DEFAULT 0,
    max_attempts     INTEGER NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mfa_challenges_user_idx ON mfa_challenges (user_id);

-- "Trust this device": the hash of a device token the client keeps (cookie or stored token).
CREATE TABLE mfa_trusted_devices (
    id               VARCHAR(40) PRIMARY KEY,
    user_id          VARCHAR(40) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash       VARCHAR(64) NOT NULL,
    user_agent       VARCHAR(512),
    ip_address       VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at     TIMESTAMP WITH TIME ZONE,
    revoked_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mfa_trusted_devices_token_unique UNIQUE (token_hash)
);
CREATE INDEX mfa_trusted_devices_user_idx ON mfa_trusted_devices (user_id);
