package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.PushContent;
import dev.janua.server.devices.domain.PushOutcome;

/**
 * One push service. {@link #send} makes one attempt and sorts the service's answer into a
 * {@link PushOutcome}; an I/O failure may be thrown and is retried like {@link PushOutcome.Retry}.
 */
public interface PushProvider {
    /** {@code fcm}, {@code apns}, {@code webpush} or {@code dev}. */
    String name();

    /** Whether the device's token has the shape this service needs (Web Push needs a subscription). */
    default boolean accepts(String token) {
        return token != null && !token.isBlank();
    }

    PushOutcome send(Device device, PushContent content) throws Exception;
}
