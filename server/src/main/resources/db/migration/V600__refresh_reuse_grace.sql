-- Issue 18 item 1: the refresh-reuse grace window. At most one row per session: its latest rotation,
-- naming the token just spent and holding the successor sealed by the master key (AES-GCM), so a
-- client that raced itself can be given the same successor for a few seconds. Rows are deleted once
-- the window has passed (and replaced at the next rotation), so a successor is never kept longer.
CREATE TABLE refresh_token_grace (
    session_id        VARCHAR(40) PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    spent_hash        VARCHAR(64)  NOT NULL,
    sealed_successor  VARCHAR(512) NOT NULL,
    grace_until       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX refresh_token_grace_until_idx ON refresh_token_grace (grace_until);
