package dev.janua.server.devices.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.devices.app.DeviceService;
import dev.janua.server.devices.app.DeviceService.DeviceChange;
import dev.janua.server.devices.app.DeviceService.DeviceDraft;
import dev.janua.server.devices.domain.Device;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Seed 000's {@code POST /v1/devices} and the rest of a device's life: the signed-in user's own
 * devices only (API keys cannot register devices; they push through {@code /notifications/push}).
 * {@code {deviceId}} in a path is either Janua's {@code dev_…} id or the app's own {@code deviceId}.
 */
@JanuaApi
@Tag(name = "Devices")
public class DeviceController {
    private final DeviceService devices;

    public DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    /** A device as its owner sees it; the push token is never sent back (whoever holds it can address the phone). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceView(String id, String deviceId, String deviceType, String platform, String platformVersion, String appVersion,
                             String name, String pushProvider, boolean pushEnabled, Instant pushTokenInvalidatedAt,
                             List<String> biometricCapabilities, Instant createdAt, Instant updatedAt) {
        static DeviceView of(Device d) {
            return new DeviceView(d.id(), d.deviceId(), d.deviceType(), d.platform(), d.platformVersion(), d.appVersion(), d.name(),
                    d.pushProvider(), d.canReceivePush(), d.pushTokenInvalidatedAt(), d.biometricCapabilities(), d.createdAt(), d.updatedAt());
        }
    }

    @PostMapping("/devices")
    @Operation(summary = "Register a device (201), or register it again with new details (200, same deviceId)")
    public ResponseEntity<DeviceView> register(@RequestBody DeviceDraft body, Caller caller, ClientInfo client) {
        DeviceService.Registered r = devices.register(caller.userId(), body, client);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(DeviceView.of(r.device()));
    }

    @GetMapping("/devices")
    @Operation(summary = "The signed-in user's devices, oldest first")
    public Page<DeviceView> list(Caller caller, @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return devices.list(caller.userId(), PageRequest.of(limit, cursor, null)).map(DeviceView::of);
    }

    @GetMapping("/devices/{deviceId}")
    @Operation(summary = "One of the signed-in user's devices")
    public DeviceView get(@PathVariable String deviceId, Caller caller) {
        return DeviceView.of(devices.get(caller.userId(), deviceId));
    }

    @PatchMapping("/devices/{deviceId}")
    @Operation(summary = "Change a device: versions after an app update, a new push token (\"\" removes it), name, capabilities")
    public DeviceView update(@PathVariable String deviceId, @RequestBody DeviceChange body, Caller caller, ClientInfo client) {
        return DeviceView.of(devices.update(caller.userId(), deviceId, body, client));
    }

    @PutMapping("/devices/{deviceId}")
    @Operation(summary = "Change a device (PUT form of PATCH)")
    public DeviceView put(@PathVariable String deviceId, @RequestBody DeviceChange body, Caller caller, ClientInfo client) {
        return update(deviceId, body, caller, client);
    }

    @DeleteMapping("/devices/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a device; no further notifications go to it")
    public void delete(@PathVariable String deviceId, Caller caller, ClientInfo client) {
        devices.delete(caller.userId(), deviceId, client);
    }
}
