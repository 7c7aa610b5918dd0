-- Issue 18 item 3: outgoing email and SMS go through a durable outbox, written in the transaction
-- of the change that causes them and sent by a worker (claims with SKIP LOCKED, a lease and a
-- claim token, exponential backoff, dead letter). See docs/notifications.md.
CREATE TABLE notification_outbox (
    id               VARCHAR(40)  PRIMARY KEY,
    channel          VARCHAR(8)   NOT NULL,
    template         VARCHAR(100) NOT NULL,
    recipient        VARCHAR(320) NOT NULL,
    -- subject and body, AES-GCM under the master key (they carry one-time tokens); NULL once sent
    body_sealed      VARCHAR(30000),
    -- pending | sending | sent | dead | withheld (recorded, never sent: see PasswordService.forgot)
    status           VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    claim_token      VARCHAR(40),
    last_error       VARCHAR(500),
    request_id       VARCHAR(128),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (status, next_attempt_at);
