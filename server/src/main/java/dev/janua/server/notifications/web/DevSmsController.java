package dev.janua.server.notifications.web;

import dev.janua.server.notifications.SmsMessage;
import dev.janua.server.notifications.SmsProvider;
import dev.janua.server.notifications.app.DevSmsOutbox;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Development only, beside {@code /dev/mailbox}: the text messages the development SMS provider
 * kept, newest first. Absent (404) in production or when a real provider is configured; loopback
 * clients only unless enabled ({@link DevEndpointAccess}).
 */
@JanuaApi
@Tag(name = "Development")
public class DevSmsController {
    private final DevSmsOutbox outbox;
    private final DevEndpointAccess access;

    public DevSmsController(SmsProvider provider, JanuaProperties properties, DevEndpointAccess access) {
        this.access = access;
        this.outbox = !properties.isProduction() && provider instanceof DevSmsOutbox dev ? dev : null;
    }

    @GetMapping("/dev/sms")
    @Operation(summary = "Text messages kept by the development SMS provider (not in production)")
    public Map<String, List<SmsMessage>> list(@RequestParam(required = false) String to, HttpServletRequest request) {
        if (outbox == null) throw new JanuaException(ErrorCode.NOT_FOUND);
        access.check(request);
        return Map.of("data", outbox.list(to));
    }
}
