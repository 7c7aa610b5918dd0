-- What "search by name or email" matches, kept by the database itself so every writer of users and
-- organizations keeps it right. PostgreSQL twin of db/vendor/h2/V301 (spring.flyway.locations adds
-- db/vendor/{vendor}); the query is the same on both: search_text LIKE '%term%'.
ALTER TABLE users ADD COLUMN search_text VARCHAR(700) GENERATED ALWAYS AS (
    LOWER(email || ' ' || COALESCE(first_name, '') || ' ' || COALESCE(last_name, '') || ' ' || COALESCE(username, ''))) STORED;
ALTER TABLE organizations ADD COLUMN search_text VARCHAR(600) GENERATED ALWAYS AS (
    LOWER(name || ' ' || slug || ' ' || COALESCE(domain, ''))) STORED;

-- Trigram indexes make that LIKE an index lookup instead of a scan at 100,000+ users.
-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Where it cannot
-- be created, Janua still works; searches scan.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
    RAISE NOTICE 'pg_trgm is not available; user search will scan';
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX IF NOT EXISTS users_search_trgm_idx ON users USING gin (search_text gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS organizations_search_trgm_idx ON organizations USING gin (search_text gin_trgm_ops);
    END IF;
END
$$;
