-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}): trigram indexes make
-- "search by name or email" (search_text LIKE '%term%') an index lookup instead of a scan at
-- 100,000+ users. The query is the same on H2, which simply scans.
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
