-- Issue 4: magic-link send quota (5 per hour per email). One row per email holds a fixed
-- one-hour window; a conditional UPDATE takes a slot, so parallel requests cannot exceed it.
-- The links themselves are one-time tokens (one_time_tokens, purposes MAGIC_LINK and MAGIC_LINK_EXCHANGE).
CREATE TABLE magic_link_quota (
    email_normalized VARCHAR(320) PRIMARY KEY,
    window_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_count       INTEGER NOT NULL
);
