# Settings of the Janua server that the SDK suites (scripts/test-sdk-*.sh) start with scripts/sdk-server.sh.
# Sourced, not run. Each is a development/test convenience, never a production setting:
# - a bootstrap platform admin the suites sign in as (admin users, webhooks);
# - cheap Argon2 parameters, so dozens of sign-ups stay fast (the hashing rules are the same);
# - webhook deliveries to the suite's receiver on loopback;
# - 127.0.0.1 exempt from the per-IP buckets (every test signs in from there), while the per-email
#   password-reset bucket stays on, small and short (2 per 4 s), so a 429 with Retry-After is quick to reach.
export JANUA_ADMIN_EMAIL="${JANUA_ADMIN_EMAIL:-sdk-admin@janua.test}"
export JANUA_ADMIN_PASSWORD="${JANUA_ADMIN_PASSWORD:-sdk admin passphrase 42}"
export SPRING_APPLICATION_JSON='{"janua":{"passwords":{"argon2-memory-kib":1024,"argon2-iterations":1},
  "webhooks":{"allow-private-targets":true},
  "rate-limits":{"exempt-ips":"127.0.0.1","password-reset":{"capacity":2,"period":"4s"}}}}'
