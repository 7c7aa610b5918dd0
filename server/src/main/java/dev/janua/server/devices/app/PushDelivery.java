package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.PushContent;
import dev.janua.server.devices.domain.PushOutcome;
import dev.janua.server.devices.persistence.JdbcDevices;
import dev.janua.server.notifications.PushMessage;
import dev.janua.server.notifications.PushTransport;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The outbox worker's way out to the push services: looks up the device as it is now, picks its
 * service, sends, and turns the answer into what the outbox does next — done, retry (an exception),
 * or dead-letter ({@link PushTransport.Undeliverable}). A "token no longer valid" answer also removes
 * the token from the device, so no later message is wasted on it. Runs outside any transaction; the
 * token removal is its own short one.
 */
@Component
class PushDelivery implements PushTransport {
    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    private final JdbcDevices devices;
    private final DeviceService service;
    private final PushProviders providers;

    PushDelivery(JdbcDevices devices, DeviceService service, PushProviders providers) {
        this.devices = devices;
        this.service = service;
        this.providers = providers;
    }

    @Override
    public void deliver(PushMessage m) throws Exception {
        Device d = devices.findById(m.deviceId()).orElseThrow(() -> new Undeliverable("the device was removed"));
        if (d.pushToken() == null) throw new Undeliverable("the device has no push token any more");
        PushProviders.Choice choice = providers.choose(d)
                .orElseThrow(() -> new Undeliverable("no push service configured for this device (" + d.platform() + ")"));
        PushContent content = new PushContent(m.messageId(), m.title(), m.body(), m.data());
        PushOutcome outcome = choice.provider() instanceof DevPushRecorder dev
                ? dev.record(d, content, choice.wouldUse())
                : choice.provider().send(d, content);
        switch (outcome) {
            case PushOutcome.Delivered delivered -> log.debug("push {} to {} via {}: {}", m.messageId(), d.id(), choice.provider().name(),
                    delivered.providerMessageId());
            case PushOutcome.TokenInvalid invalid -> {
                if (service.invalidateToken(d, invalid.reason())) log.info("device {} lost its push token: {}", d.id(), invalid.reason());
                throw new Undeliverable("push token no longer valid (" + invalid.reason() + ")");
            }
            case PushOutcome.Retry retry -> throw new IOException(retry.reason());
            case PushOutcome.Rejected rejected -> throw new Undeliverable(rejected.reason());
        }
    }
}
