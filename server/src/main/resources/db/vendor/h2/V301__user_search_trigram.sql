-- H2 twin of db/vendor/postgresql/V301: H2 has no trigram index, so user search scans search_text.
-- Kept so both databases share one migration history (and Flyway finds this location).
SELECT 1;
