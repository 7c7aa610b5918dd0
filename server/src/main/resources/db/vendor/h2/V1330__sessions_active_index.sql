-- The active-sessions count (revoked_at IS NULL AND expires_at > now); PostgreSQL twin:
-- db/vendor/postgresql/V1330, a partial index on unrevoked sessions, which H2 cannot make.
CREATE INDEX sessions_active_idx ON sessions (expires_at, revoked_at);
