package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.DeviceRules;
import dev.janua.server.devices.persistence.JdbcDevices;
import dev.janua.server.notifications.PushSender;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.UserDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /notifications/push}: decides who may push to whom, then queues one outbox message
 * per device (the send happens after commit, off the request). A user pushes to their own devices;
 * a platform admin to anyone's; an API key holding {@code push:send} to the members of its
 * organization (a platform-scoped key: to anyone). A user outside the key's organization is
 * {@code USER_NOT_FOUND}, whether or not they exist.
 */
@Service
public class PushService {
    /** The API-key permission for sending pushes (an application's own permission: Janua's roles do not grant it by default). */
    public static final String PUSH_SEND = "push:send";
    private final JdbcDevices devices;
    private final PushSender sender;
    private final PlatformAdmins admins;
    private final UserDirectory users;
    private final OrganizationDirectory organizations;

    public PushService(JdbcDevices devices, PushSender sender, PlatformAdmins admins, UserDirectory users, OrganizationDirectory organizations) {
        this.devices = devices;
        this.sender = sender;
        this.admins = admins;
        this.users = users;
        this.organizations = organizations;
    }

    /** Seed 000's body; {@code userId} names another user's devices (admins, API keys); no {@code deviceId} = all of them. */
    public record PushRequest(String userId, String deviceId, String title, String body, Map<String, Object> data) {}

    public record Queued(String id, String userId, String device, String deviceId, String status) {}

    @Transactional
    public List<Queued> send(Caller caller, PushRequest r) {
        Map<String, String> data = flatten(r.data());
        DeviceRules.pushContent(r.title(), r.body(), data);
        String userId = authorize(caller, r.userId());
        List<Device> targets;
        if (r.deviceId() != null && !r.deviceId().isBlank()) {
            Device d = devices.find(userId, r.deviceId()).orElseThrow(() -> new JanuaException(ErrorCode.DEVICE_NOT_FOUND));
            if (!d.canReceivePush()) throw new JanuaException(ErrorCode.CONFLICT, Map.of("reason", "no_push_token", "deviceId", d.deviceId()));
            targets = List.of(d);
        } else {
            targets = devices.withPushToken(userId);
        }
        List<Queued> out = new ArrayList<>();
        for (Device d : targets) {
            out.add(new Queued(sender.send(d.id(), r.title(), r.body(), data), userId, d.id(), d.deviceId(), "queued"));
        }
        return out;
    }

    /** The user whose devices the caller may push to. */
    String authorize(Caller caller, String userId) {
        boolean other = userId != null && !userId.isBlank() && (caller.isApiKey() || !userId.equals(caller.userId()));
        if (!caller.isApiKey()) {
            if (!other) return caller.userId();
            admins.require(caller);
            return existing(userId);
        }
        if (!other) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "userId", "reason", "required with an API key"));
        Caller.ApiKeyGrant key = caller.apiKey();
        if (!PermissionSet.of(key.permissions()).grants(PUSH_SEND)) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", PUSH_SEND));
        }
        if (key.platformScoped()) return existing(userId);
        // grantsOf lists a user's organizations (up to 100 of them): enough to answer "is this a member?"
        boolean member = organizations.grantsOf(userId).stream().anyMatch(g -> g.organizationId().equals(key.organizationId()));
        if (!member) throw new JanuaException(ErrorCode.USER_NOT_FOUND);
        return userId;
    }

    private String existing(String userId) {
        return users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND)).id();
    }

    /** FCM's rule for everyone: data is flat, values are strings (numbers and booleans are written as text). */
    private static Map<String, String> flatten(Map<String, Object> data) {
        Map<String, String> out = new LinkedHashMap<>();
        if (data == null) return out;
        data.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "data." + k, "reason", "values must be strings, numbers or booleans"));
            }
            if (v != null) out.put(k, v.toString());
        });
        return out;
    }
}
