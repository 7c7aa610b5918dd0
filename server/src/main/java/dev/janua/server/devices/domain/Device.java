package dev.janua.server.devices.domain;

import java.time.Instant;
import java.util.List;

/**
 * A device (an app installation) registered by its owner. {@code deviceId} is the app's own name
 * for it, unique per user; {@code id} is Janua's ({@code dev_…}). {@code pushToken} is null when the
 * app gave none or a push service said it is no longer valid ({@code pushTokenInvalidatedAt}).
 */
public record Device(String id, String userId, String deviceId, String deviceType, String platform, String platformVersion,
                     String appVersion, String name, String pushProvider, String pushToken, Instant pushTokenInvalidatedAt,
                     List<String> biometricCapabilities, Instant createdAt, Instant updatedAt) {
    public Device {
        biometricCapabilities = biometricCapabilities == null ? List.of() : List.copyOf(biometricCapabilities);
    }

    public boolean canReceivePush() {
        return pushToken != null;
    }
}
