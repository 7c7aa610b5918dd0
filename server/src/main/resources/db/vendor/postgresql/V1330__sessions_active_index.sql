-- The active-sessions count (the janua.sessions.active gauge every 30 s per node, the admin and console
-- overviews: revoked_at IS NULL AND expires_at > now) read every session row. This partial index holds
-- only unrevoked sessions, so the count is an index(-only) range scan over live ones. H2 twin:
-- db/vendor/h2/V1330 (H2 has no partial indexes).
CREATE INDEX sessions_active_idx ON sessions (expires_at) WHERE revoked_at IS NULL;
