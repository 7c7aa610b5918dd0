-- PostgreSQL estimates how many rows "search_text LIKE '%term%'" matches from the column's histogram. With the
-- default 100 buckets a common word ("smith", "jenn") can be missing from the sampled bucket bounds: at 1,000,000
-- users one ANALYZE estimated 100 rows for 20,000, so the planner fetched all 20,000 and sorted them (198-1,150 ms)
-- instead of walking the primary key and stopping at the page size (1 ms). 1,000 buckets estimated 15,000-16,000
-- (BENCHMARKS.md, issue 16, 2026-12-02). ANALYZE samples 300 x the target rows: ~300,000 at this size, seconds.
-- H2 has no statistics targets: no twin.
ALTER TABLE users ALTER COLUMN search_text SET STATISTICS 1000;
ALTER TABLE organizations ALTER COLUMN search_text SET STATISTICS 1000;
ANALYZE users (search_text);
ANALYZE organizations (search_text);
