package dev.janua.server.notifications.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.janua.server.notifications.EmailMessage;
import dev.janua.server.notifications.app.DevMailbox;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.JanuaApi;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Development only: the messages Janua would have emailed, newest first. Absent (404) when
 * {@code JANUA_ENV=production} or when a real SMTP server is configured; loopback clients only
 * unless enabled ({@link DevEndpointAccess}).
 */
@Tag(name = "Development", description = "Development mailbox (absent in production)")
@JanuaApi
public class DevMailboxController {
    private final DevMailbox mailbox;
    private final boolean enabled;
    private final DevEndpointAccess access;

    public DevMailboxController(DevMailbox mailbox, JanuaProperties properties, DevEndpointAccess access) {
        this.mailbox = mailbox;
        this.access = access;
        this.enabled = !properties.isProduction() && properties.smtpUrl().isBlank();
    }

    @GetMapping("/dev/mailbox")
    public Map<String, List<EmailMessage>> list(@RequestParam(required = false) String to, HttpServletRequest request) {
        if (!enabled) throw new JanuaException(ErrorCode.NOT_FOUND);
        access.check(request);
        return Map.of("data", mailbox.list(to));
    }
}
