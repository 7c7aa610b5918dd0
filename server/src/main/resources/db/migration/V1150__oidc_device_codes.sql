-- Device authorization grant (RFC 8628): an authorization is also found by the SHA-256 of its
-- device code (the device polls with it) and of its user code (the person types it on /hosted/device).
ALTER TABLE oidc_authorizations ADD COLUMN device_code_hash VARCHAR(64);
ALTER TABLE oidc_authorizations ADD COLUMN user_code_hash VARCHAR(64);
CREATE INDEX oidc_authorizations_device_code_idx ON oidc_authorizations (device_code_hash);
CREATE INDEX oidc_authorizations_user_code_idx ON oidc_authorizations (user_code_hash);
