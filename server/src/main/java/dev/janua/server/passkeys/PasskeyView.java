package dev.janua.server.passkeys;

import java.time.Instant;
import java.util.List;

/**
 * A registered passkey as its owner sees it. {@code deviceType} follows the backup-eligible flag
 * ({@code multi_device}: synced by a passkey provider; {@code single_device}: bound to one
 * authenticator); {@code authenticatorName} comes from the AAGUID when it is a known one.
 */
public record PasskeyView(String id, String name, String credentialId, String aaguid, String authenticatorName,
                          List<String> transports, boolean backupEligible, boolean backedUp, String deviceType,
                          Instant createdAt, Instant lastUsedAt) {}
