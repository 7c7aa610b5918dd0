-- Seeds :users provisioned users into the organization :'org' (already created through the API):
-- accounts, memberships and SCIM records in the shapes SCIM POST writes. userName = userN@bench.example.
\if :{?users}
\else
\set users 100000
\endif
BEGIN;
INSERT INTO users (id, email, email_normalized, first_name, last_name, email_verified, status, created_at, updated_at)
SELECT 'usr_SCIM' || lpad(g::text, 22, '0'), 'user' || g || '@bench.example', 'user' || g || '@bench.example',
       'Given' || (g % 50), 'Family' || (g % 97), false, 'active',
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + g * INTERVAL '1 second', TIMESTAMPTZ '2025-01-01 00:00:00+00' + g * INTERVAL '1 second'
FROM generate_series(1, :users) AS g;
INSERT INTO organization_members (organization_id, user_id, role_id, permissions, joined_at, updated_at)
SELECT :'org', 'usr_SCIM' || lpad(g::text, 22, '0'), 'role_member', '[]', now(), now() FROM generate_series(1, :users) AS g;
INSERT INTO scim_users (organization_id, user_id, user_name, user_name_lower, external_id, active, created_account, created_at, updated_at)
SELECT :'org', 'usr_SCIM' || lpad(g::text, 22, '0'), 'user' || g || '@bench.example', 'user' || g || '@bench.example',
       'ext-' || g, true, true, now(), now()
FROM generate_series(1, :users) AS g;
COMMIT;
ANALYZE users;
ANALYZE organization_members;
ANALYZE scim_users;
