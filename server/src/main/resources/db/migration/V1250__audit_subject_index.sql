-- The console's audit log filters by target (what was acted on): subject_id, newest first, as the
-- user, actor and organization filters already are.
CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, position);
