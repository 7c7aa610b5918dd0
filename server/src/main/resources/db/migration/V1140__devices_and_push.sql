-- Issue 12 item 4: devices registered by their owners (seed 000 "Mobile & IoT APIs") and the
-- VAPID key pair of Web Push. Push notifications themselves go through notification_outbox
-- (channel 'push', recipient = devices.id). See docs/devices-and-push.md.
CREATE TABLE devices (
    id                        VARCHAR(40)  PRIMARY KEY,
    user_id                   VARCHAR(40)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the app's own identifier of the installation (seed: "mobile_device_12345"), unique per user
    device_id                 VARCHAR(200) NOT NULL,
    device_type               VARCHAR(32)  NOT NULL,
    platform                  VARCHAR(32)  NOT NULL,
    platform_version          VARCHAR(64),
    app_version               VARCHAR(64),
    name                      VARCHAR(200),
    -- fcm | apns | webpush | dev; NULL = chosen from the platform when a push is sent
    push_provider             VARCHAR(16),
    -- FCM registration token, APNs device token (hex) or a Web Push subscription (JSON)
    push_token                VARCHAR(4000),
    -- SHA-256 of push_token: one token belongs to one device (the newest registration wins)
    push_token_hash           VARCHAR(64),
    push_token_invalidated_at TIMESTAMP WITH TIME ZONE,
    biometric_capabilities    VARCHAR(500) NOT NULL DEFAULT '',
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT devices_user_device_uq UNIQUE (user_id, device_id)
);
CREATE INDEX devices_push_token_idx ON devices (push_token_hash);

-- One row: the Web Push application server key pair (RFC 8292) when the operator configured none.
CREATE TABLE push_vapid_keys (
    id                  INTEGER      PRIMARY KEY,
    public_key          VARCHAR(200) NOT NULL,
    private_key_sealed  VARCHAR(1000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
