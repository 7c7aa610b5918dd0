-- What "search by name or email" matches, kept by the database itself so every writer of users and
-- organizations keeps it right. H2 twin of db/vendor/postgresql/V301 (H2 writes generated columns
-- without STORED and has no trigram index: its searches scan).
ALTER TABLE users ADD COLUMN search_text VARCHAR(700) GENERATED ALWAYS AS (
    LOWER(email || ' ' || COALESCE(first_name, '') || ' ' || COALESCE(last_name, '') || ' ' || COALESCE(username, '')));
ALTER TABLE organizations ADD COLUMN search_text VARCHAR(600) GENERATED ALWAYS AS (
    LOWER(name || ' ' || slug || ' ' || COALESCE(domain, '')));
