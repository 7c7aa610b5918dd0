-- Failed sign-ins for emails that have no account, counted like users.failed_attempts / locked_until
-- so an unknown email answers exactly like a wrong password on every node and after a restart.
-- Keyed by HMAC-SHA-256 of the normalised email under a key derived from the master key: the table
-- does not list the emails people tried.
CREATE TABLE unknown_email_failures (
    email_key        VARCHAR(64) PRIMARY KEY,
    failed_attempts  INTEGER NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    last_failed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX unknown_email_failures_last_failed ON unknown_email_failures (last_failed_at);
