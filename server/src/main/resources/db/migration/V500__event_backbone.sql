-- Issue 5: consumers of domain_events (audit log, webhook outbox), portable H2/PostgreSQL subset.

-- Each consumer reads domain_events in seq order. Its row is locked while it works, so one process
-- at a time advances it; next_seq is the first seq it has not yet taken.
CREATE TABLE event_consumers (
    name        VARCHAR(64) PRIMARY KEY,
    next_seq    BIGINT      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Seqs a consumer stepped over after waiting for them (a transaction still open, or rolled back).
-- Re-checked on every pass: an event that commits late is still consumed, then its row goes.
CREATE TABLE event_consumer_gaps (
    consumer    VARCHAR(64) NOT NULL,
    seq         BIGINT      NOT NULL,
    noticed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, seq)
);

-- The audit log: append-only, one total order (position), each row chained by
-- hash = SHA-256(previous hash ‖ canonical JSON of the row). See docs/audit-log.md.
CREATE TABLE audit_log (
    position         BIGINT       PRIMARY KEY,
    id               VARCHAR(40)  NOT NULL,
    event_seq        BIGINT       NOT NULL,
    event_id         VARCHAR(40)  NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    user_id          VARCHAR(40),
    actor_id         VARCHAR(40),
    subject_id       VARCHAR(40),
    organization_id  VARCHAR(40),
    ip_address       VARCHAR(64),
    user_agent       VARCHAR(512),
    request_id       VARCHAR(128),
    details          VARCHAR(65536) NOT NULL,
    risk_score       INTEGER,
    occurred_ms      BIGINT       NOT NULL,
    hash             VARCHAR(64)  NOT NULL,
    CONSTRAINT audit_log_id_unique UNIQUE (id),
    CONSTRAINT audit_log_event_unique UNIQUE (event_seq)
);
CREATE INDEX audit_log_type_idx ON audit_log (event_type, position);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, position);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, position);
CREATE INDEX audit_log_org_idx ON audit_log (organization_id, position);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_ms, position);

-- The chain head: where the last append ended. Verification also checks the tail against it,
-- so deleting the newest rows is detected too.
CREATE TABLE audit_chain_head (
    id             INTEGER     PRIMARY KEY,
    last_position  BIGINT      NOT NULL,
    last_hash      VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_position, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE webhook_endpoints (
    id                    VARCHAR(40)   PRIMARY KEY,
    url                   VARCHAR(2048) NOT NULL,
    description           VARCHAR(500),
    events                VARCHAR(4000) NOT NULL,
    organization_id       VARCHAR(40),
    secret_enc            VARCHAR(1024) NOT NULL,
    previous_secret_enc   VARCHAR(1024),
    previous_secret_until TIMESTAMP WITH TIME ZONE,
    active                BOOLEAN       NOT NULL,
    disabled_reason       VARCHAR(64),
    starts_after_seq      BIGINT        NOT NULL,
    created_by            VARCHAR(40),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The outbox: one row per (endpoint, event). Claimed with FOR UPDATE SKIP LOCKED and a lease;
-- the row id is the webhook-id, identical on every attempt.
CREATE TABLE webhook_deliveries (
    id               VARCHAR(40)  PRIMARY KEY,
    endpoint_id      VARCHAR(40)  NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_seq        BIGINT,
    event_id         VARCHAR(40)  NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    payload          VARCHAR(200000) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    claim_token      VARCHAR(40),
    last_status_code INTEGER,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_deliveries_event_unique UNIQUE (endpoint_id, event_seq)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);

CREATE TABLE webhook_attempts (
    delivery_id      VARCHAR(40) NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt          INTEGER     NOT NULL,
    attempted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms      INTEGER     NOT NULL,
    status_code      INTEGER,
    error            VARCHAR(500),
    response_excerpt VARCHAR(1000),
    PRIMARY KEY (delivery_id, attempt)
);
