package dev.janua.server.devices.web;

import dev.janua.server.devices.app.PushProviders;
import dev.janua.server.devices.app.PushService;
import dev.janua.server.devices.app.PushService.PushRequest;
import dev.janua.server.devices.app.PushService.Queued;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Seed 000's {@code POST /v1/notifications/push}, and the key browsers subscribe to Web Push with. */
@JanuaApi
@Tag(name = "Devices")
public class PushController {
    private final PushService push;
    private final PushProviders providers;

    public PushController(PushService push, PushProviders providers) {
        this.push = push;
        this.providers = providers;
    }

    public record PushAccepted(List<Queued> notifications) {}

    @PostMapping("/notifications/push")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @AcceptsApiKeys
    @Operation(summary = "Queue a push notification to one device (deviceId) or all of a user's devices; sent after commit with retries "
            + "(own devices; platform admins and API keys with push:send name a userId)")
    public PushAccepted send(@RequestBody PushRequest body, Caller caller) {
        return new PushAccepted(push.send(caller, body));
    }

    @GetMapping("/notifications/push/vapid-public-key")
    @Operation(summary = "The VAPID public key (base64url) a browser passes as applicationServerKey to pushManager.subscribe()")
    public Map<String, String> vapidPublicKey() {
        return Map.of("publicKey", providers.vapidPublicKey());
    }
}
