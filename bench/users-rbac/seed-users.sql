-- Seeds PostgreSQL for the user list/search, permission-check and console benchmarks (issues 3, 15, 16).
-- Run against a database Janua has already migrated (start the server once on it, with
-- JANUA_ADMIN_EMAIL=admin@bench.example so the bootstrap admin exists):
--   psql "$JANUA_DATABASE_URL" -v users=1000000 -f bench/users-rbac/seed-users.sql
-- Idempotent: it first removes what an earlier run seeded (ids starting usr_BENCH / org_BENCH).
-- Ids keep Janua's shape (prefix + 26 characters, sorting in creation order), so keyset paging
-- walks the primary key exactly as with real ids. One INSERT … SELECT generate_series: 1,000,000
-- users take well under a minute, never the API (which would hash a million passwords).
\if :{?users}
\else
\set users 100000
\endif

SET maintenance_work_mem = '256MB';
SET synchronous_commit = off;
BEGIN;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM users WHERE email_normalized = 'admin@bench.example' AND password_hash IS NOT NULL) THEN
        RAISE EXCEPTION 'start Janua with JANUA_ADMIN_EMAIL=admin@bench.example first: the seed reuses its password hash';
    END IF;
END
$$;
DELETE FROM organizations WHERE id LIKE 'org_BENCH%';
DELETE FROM users WHERE id LIKE 'usr_BENCH%';

-- A trigram GIN index maintained row by row is most of a bulk insert's cost; building it once
-- afterwards is several times faster. Recreated below with the migration's own definition.
DROP INDEX IF EXISTS users_search_trgm_idx;

-- :users accounts, 50 first names x 50 last names, 1 % suspended, 70 % verified, 20 % with MFA (none of
-- the suspended ones, as before MFA was seeded: the console's suspended + no-MFA filter finds a full page).
-- Every account gets the bootstrap admin's password hash (one Argon2id hash reused, so any seeded
-- user can sign in with 'bench admin passphrase' without hashing a million times).
INSERT INTO users (id, email, email_normalized, password_hash, first_name, last_name, email_verified, mfa_enabled,
                   status, created_at, updated_at)
SELECT 'usr_BENCH' || lpad(g::text, 21, '0'),
       'user' || g || '@bench.example',
       'user' || g || '@bench.example',
       (SELECT password_hash FROM users WHERE email_normalized = 'admin@bench.example'),
       (ARRAY['James','Mary','John','Patricia','Robert','Jennifer','Michael','Linda','William','Elizabeth',
              'David','Barbara','Richard','Susan','Joseph','Jessica','Thomas','Sarah','Charles','Karen',
              'Christopher','Nancy','Daniel','Lisa','Matthew','Betty','Anthony','Margaret','Mark','Sandra',
              'Donald','Ashley','Steven','Kimberly','Paul','Emily','Andrew','Donna','Joshua','Michelle',
              'Kenneth','Dorothy','Kevin','Carol','Brian','Amanda','George','Melissa','Edward','Deborah'])[1 + g % 50],
       (ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez',
              'Hernandez','Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin',
              'Lee','Perez','Thompson','White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson',
              'Walker','Young','Allen','King','Wright','Scott','Torres','Nguyen','Hill','Flores',
              'Green','Adams','Nelson','Baker','Hall','Rivera','Campbell','Mitchell','Carter','Roberts'])[1 + (g / 50) % 50],
       g % 10 < 7,
       g % 5 = 1,
       CASE WHEN g % 100 = 0 THEN 'suspended' ELSE 'active' END,
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + g * INTERVAL '1 second',
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + g * INTERVAL '1 second'
FROM generate_series(1, :users) AS g;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX users_search_trgm_idx ON users USING gin (search_text gin_trgm_ops);
    END IF;
END
$$;

-- One organization with the first 10,000 users: user 1 owner, 1-in-10 admins, the rest members;
-- a custom role held by 1-in-7, so permission checks also resolve custom roles.
INSERT INTO organizations (id, name, slug, created_at, updated_at)
VALUES ('org_BENCH000000000000000000001', 'Bench Org', 'bench-org', now(), now());
INSERT INTO roles (id, organization_id, role_key, name, permissions, created_at, updated_at)
VALUES ('role_BENCH00000000000000000001', 'org_BENCH000000000000000000001', 'content-editor', 'Content Editor',
        '["content:read","content:write","members:read"]', now(), now());
INSERT INTO organization_members (organization_id, user_id, role_id, permissions, joined_at, updated_at)
SELECT 'org_BENCH000000000000000000001', 'usr_BENCH' || lpad(g::text, 21, '0'),
       CASE WHEN g = 1 THEN 'role_owner' WHEN g % 10 = 0 THEN 'role_admin'
            WHEN g % 7 = 0 THEN 'role_BENCH00000000000000000001' ELSE 'role_member' END,
       '[]', now(), now()
FROM generate_series(1, LEAST(10000, :users)) AS g;
COMMIT;

VACUUM ANALYZE users;
VACUUM ANALYZE organization_members;
