package dev.janua.server.notifications.app;

import dev.janua.server.notifications.SmsMessage;
import dev.janua.server.notifications.SmsProvider;
import dev.janua.server.notifications.SmsSender;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands the message to the provider after commit, on the request thread: a code the user waits
 * for is worth the gateway's latency, and a failure is logged with the request id.
 */
@Service
class AfterCommitSmsSender implements SmsSender {
    private static final Logger log = LoggerFactory.getLogger(AfterCommitSmsSender.class);
    private final SmsProvider provider;
    private final Clock clock;

    AfterCommitSmsSender(SmsProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public void send(String to, String body) {
        SmsMessage m = new SmsMessage(to, body, clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(m);
                }
            });
        } else {
            deliver(m);
        }
    }

    private void deliver(SmsMessage m) {
        try {
            provider.deliver(m);
        } catch (Exception e) {
            log.error("sms to {} through provider {} failed: {}", mask(m.to()), provider.name(), e.getMessage());
        }
    }

    static String mask(String phone) {
        return phone == null || phone.length() < 4 ? "****" : "****" + phone.substring(phone.length() - 4);
    }
}
