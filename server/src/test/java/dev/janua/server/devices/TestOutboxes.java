package dev.janua.server.devices;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits on the push messages of one user's devices in the outbox. */
final class TestOutboxes {
    private TestOutboxes() {}

    /** Until every push to the user's devices is sent. */
    static void awaitSent(JdbcClient jdbc, String userId) {
        DevicesAndPushIntegrationTest.await(() -> waiting(jdbc, userId, "o.status <> 'sent'") == 0 ? true : null);
    }

    /** Until no push to the user's devices is pending or being sent. */
    static void awaitSettled(JdbcClient jdbc, String userId) {
        DevicesAndPushIntegrationTest.await(() -> waiting(jdbc, userId, "o.status IN ('pending', 'sending')") == 0 ? true : null);
    }

    private static long waiting(JdbcClient jdbc, String userId, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox o JOIN devices d ON o.recipient = d.id WHERE d.user_id = :u AND " + condition)
                .param("u", userId).query(Long.class).single();
    }
}
