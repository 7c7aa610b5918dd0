package dev.janua.server.notifications.web;

import dev.janua.server.notifications.app.OutboxAdmin;
import dev.janua.server.notifications.domain.OutboxMessage;
import dev.janua.server.notifications.web.OutboxViews.MessageView;
import dev.janua.server.notifications.web.OutboxViews.OutboxView;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.PlatformAdmins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The email/SMS outbox for platform admins: counts, waiting and dead messages, redelivery. */
@JanuaApi
@Tag(name = "Admin")
public class NotificationOutboxController {
    private final OutboxAdmin outbox;
    private final PlatformAdmins admins;

    public NotificationOutboxController(OutboxAdmin outbox, PlatformAdmins admins) {
        this.outbox = outbox;
        this.admins = admins;
    }

    @GetMapping("/admin/notifications/outbox")
    @Operation(summary = "Outbox counts by status and its messages, newest first (default: pending, sending and dead; never a body)")
    public OutboxView list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                           @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                           @RequestParam(required = false) Integer page, Caller caller) {
        admins.require(caller);
        List<String> statuses = status == null || status.isBlank() ? OutboxAdmin.UNSENT : List.of(status);
        if (!OutboxAdmin.STATUSES.containsAll(statuses)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "status", "reason", "one of " + OutboxAdmin.STATUSES));
        }
        if (channel != null && !channel.isBlank() && !List.of(OutboxMessage.EMAIL, OutboxMessage.SMS, OutboxMessage.PUSH, OutboxMessage.JOB).contains(channel)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "channel", "reason", "email, sms, push or job"));
        }
        PageRequest p = PageRequest.of(limit, cursor, page);
        List<MessageView> rows = outbox.list(statuses, channel, p.after(), p.offset(), p.fetchSize()).stream().map(MessageView::of).toList();
        Page<MessageView> one = Page.fromRows(rows, p, MessageView::id, null);
        return new OutboxView(outbox.counts(), outbox.maxAttempts(), one.data(), one.pagination());
    }

    @GetMapping("/admin/notifications/outbox/{id}")
    @Operation(summary = "One outbox message: status, attempts, last error (never its body)")
    public MessageView get(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return MessageView.of(outbox.get(id));
    }

    @PostMapping("/admin/notifications/outbox/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a dead message again with a fresh set of attempts (409 once sent: its body is wiped)")
    public MessageView redeliver(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return MessageView.of(outbox.redeliver(id));
    }
}
