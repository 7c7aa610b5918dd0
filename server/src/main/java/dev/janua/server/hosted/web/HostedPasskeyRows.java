package dev.janua.server.hosted.web;

import dev.janua.server.passkeys.Passkeys;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The account page's passkey list, read by the template itself ({@code ${@hostedPasskeys.of(user.id())}})
 * so the page controller stays as it is.
 */
@Component("hostedPasskeys")
public class HostedPasskeyRows {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final Passkeys passkeys;

    public HostedPasskeyRows(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    public record Row(String id, String name, String authenticator, boolean synced, String createdAt, String lastUsedAt) {}

    public List<Row> of(String userId) {
        return passkeys.list(userId).stream().map(p -> new Row(p.id(), p.name(), p.authenticatorName(), p.backupEligible(),
                WHEN.format(p.createdAt()), p.lastUsedAt() == null ? null : WHEN.format(p.lastUsedAt()))).toList();
    }
}
