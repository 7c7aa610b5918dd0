package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.DeviceRules;
import dev.janua.server.devices.persistence.JdbcDevices;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's devices: registered (or registered again: same {@code deviceId}, same device), listed,
 * changed, removed — each with its event in the same transaction. A user only ever sees their own:
 * every query names the owner.
 */
@Service
public class DeviceService {
    private final JdbcDevices devices;
    private final PushProviders providers;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;

    public DeviceService(JdbcDevices devices, PushProviders providers, EventPublisher events, IdGenerator ids, Clock clock) {
        this.devices = devices;
        this.providers = providers;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** Seed 000's registration body, plus an optional display {@code name} and {@code pushProvider}. */
    public record DeviceDraft(String deviceId, String deviceType, String platform, String platformVersion, String appVersion,
                              String name, String pushProvider, String pushToken, List<String> biometricCapabilities) {}

    /** A partial change: null leaves a field as it is; an empty {@code pushToken} removes the token. */
    public record DeviceChange(String deviceType, String platform, String platformVersion, String appVersion, String name,
                               String pushProvider, String pushToken, List<String> biometricCapabilities) {}

    public record Registered(Device device, boolean created) {}

    @Transactional
    public Registered register(String userId, DeviceDraft d, ClientInfo client) {
        String deviceId = DeviceRules.deviceId(d.deviceId());
        String provider = DeviceRules.provider(d.pushProvider());
        String platform = DeviceRules.word("platform", d.platform(), true);
        String token = checkedToken(provider, platform, d.pushToken());
        Instant now = clock.instant();
        Device existing = devices.find(userId, deviceId).orElse(null);
        Device device = new Device(existing == null ? ids.next("dev") : existing.id(), userId, deviceId,
                DeviceRules.word("deviceType", d.deviceType(), true), platform, DeviceRules.version("platformVersion", d.platformVersion()),
                DeviceRules.version("appVersion", d.appVersion()), DeviceRules.name(d.name()), provider, token, null,
                DeviceRules.capabilities(d.biometricCapabilities()), existing == null ? now : existing.createdAt(), now);
        if (existing == null) devices.insert(device, hash(token));
        else devices.update(device, hash(token));
        takeTokenFromOthers(device, now, client);
        events.publish(DomainEvent.of(existing == null ? "device.registered" : "device.updated", userId, userId, describe(device)), client);
        return new Registered(device, existing == null);
    }

    public Page<Device> list(String userId, PageRequest page) {
        List<Device> rows = devices.list(userId, page.after(), page.fetchSize());
        return Page.fromRows(rows, page, Device::id, devices.count(userId));
    }

    public Device get(String userId, String ref) {
        return devices.find(userId, ref).orElseThrow(() -> new JanuaException(ErrorCode.DEVICE_NOT_FOUND));
    }

    @Transactional
    public Device update(String userId, String ref, DeviceChange c, ClientInfo client) {
        Device d = get(userId, ref);
        String provider = c.pushProvider() == null ? d.pushProvider()
                : c.pushProvider().isBlank() ? null : DeviceRules.provider(c.pushProvider());
        String platform = c.platform() == null ? d.platform() : DeviceRules.word("platform", c.platform(), true);
        String token = c.pushToken() == null ? d.pushToken() : checkedToken(provider, platform, c.pushToken());
        boolean newToken = token != null && !token.equals(d.pushToken());
        Instant now = clock.instant();
        Device changed = new Device(d.id(), userId, d.deviceId(),
                c.deviceType() == null ? d.deviceType() : DeviceRules.word("deviceType", c.deviceType(), true), platform,
                c.platformVersion() == null ? d.platformVersion() : DeviceRules.version("platformVersion", c.platformVersion()),
                c.appVersion() == null ? d.appVersion() : DeviceRules.version("appVersion", c.appVersion()),
                c.name() == null ? d.name() : DeviceRules.name(c.name()), provider, token,
                newToken ? null : d.pushTokenInvalidatedAt(),
                c.biometricCapabilities() == null ? d.biometricCapabilities() : DeviceRules.capabilities(c.biometricCapabilities()),
                d.createdAt(), now);
        devices.update(changed, hash(token));
        if (newToken) takeTokenFromOthers(changed, now, client);
        events.publish(DomainEvent.of("device.updated", userId, userId, describe(changed)), client);
        return changed;
    }

    @Transactional
    public void delete(String userId, String ref, ClientInfo client) {
        Device d = get(userId, ref);
        if (!devices.delete(userId, d.id())) throw new JanuaException(ErrorCode.DEVICE_NOT_FOUND);
        events.publish(DomainEvent.of("device.removed", userId, userId, describe(d)), client);
    }

    /**
     * The push service said the token will never work again: the device keeps its registration but
     * loses the token (the app registers a fresh one on its next start). Only if the device still
     * holds that token — the app may have sent a new one while the message was in flight.
     */
    @Transactional
    public boolean invalidateToken(Device d, String reason) {
        if (d.pushToken() == null || !devices.invalidateToken(d.id(), hash(d.pushToken()), clock.instant())) return false;
        Map<String, Object> data = describe(d);
        data.put("reason", reason);
        events.publish(DomainEvent.of("device.push_token_invalidated", d.userId(), null, data), ClientInfo.none());
        return true;
    }

    private void takeTokenFromOthers(Device device, Instant now, ClientInfo client) {
        if (device.pushToken() == null) return;
        for (Device lost : devices.takeTokenFromOthers(hash(device.pushToken()), device.id(), now)) {
            Map<String, Object> data = describe(lost);
            data.put("reason", "registered_on_another_device");
            events.publish(DomainEvent.of("device.push_token_invalidated", lost.userId(), device.userId(), data), client);
        }
    }

    private String checkedToken(String provider, String platform, String raw) {
        String token = DeviceRules.pushToken(raw);
        if (token == null) return null;
        providers.refuseToken(provider, platform, token).ifPresent(reason -> {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "pushToken", "reason", reason));
        });
        return token;
    }

    private static String hash(String token) {
        return token == null ? null : Hashes.sha256Hex(token);
    }

    /** What the events carry: never the token itself (it addresses the person's phone). */
    private static Map<String, Object> describe(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", d.userId());
        m.put("id", d.id());
        m.put("deviceId", d.deviceId());
        m.put("deviceType", d.deviceType());
        m.put("platform", d.platform());
        m.put("pushEnabled", d.canReceivePush());
        return m;
    }
}
