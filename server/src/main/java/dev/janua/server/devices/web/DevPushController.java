package dev.janua.server.devices.web;

import dev.janua.server.devices.app.DevPushRecorder;
import dev.janua.server.devices.app.PushProviders;
import dev.janua.server.platform.config.DevEndpointsProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.LoopbackClients;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Development only, beside {@code /dev/mailbox} and {@code /dev/sms}: the push notifications the
 * development recorder took, newest first. 404 in production; loopback clients only unless
 * {@code JANUA_DEV_ENDPOINTS_REMOTE_ACCESS=true}, as the other development endpoints.
 */
@JanuaApi
@Tag(name = "Development")
public class DevPushController {
    private final DevPushRecorder recorder;
    private final boolean remoteAccess;

    public DevPushController(PushProviders providers, DevEndpointsProperties dev) {
        this.recorder = providers.devRecorder();
        this.remoteAccess = dev.remoteAccess();
    }

    @GetMapping("/dev/push")
    @Operation(summary = "Push notifications kept by the development push recorder (not in production)")
    public Map<String, List<DevPushRecorder.Recorded>> list(@RequestParam(required = false) String userId,
                                                           @RequestParam(required = false) String deviceId, HttpServletRequest request) {
        if (recorder == null) throw new JanuaException(ErrorCode.NOT_FOUND);
        if (!remoteAccess && !LoopbackClients.isLoopback(request)) {
            throw new JanuaException(ErrorCode.FORBIDDEN, Map.of("reason", "loopback_only", "setting", "JANUA_DEV_ENDPOINTS_REMOTE_ACCESS"));
        }
        return Map.of("data", recorder.list(userId, deviceId));
    }
}
