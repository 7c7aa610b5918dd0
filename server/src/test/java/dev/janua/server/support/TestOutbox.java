package dev.janua.server.support;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Email and SMS leave through the outbox after commit: tests wait for a recipient's messages to be handed on. */
public final class TestOutbox {
    private TestOutbox() {}

    /**
     * Waits until nothing for {@code recipient} is pending or being sent (the dev SMS outbox / GreenMail has it),
     * nor any job (a forgot-password job writes its email only when the worker runs it, so wait for jobs too).
     */
    public static void awaitHandedOn(JdbcClient jdbc, String recipient) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long waiting = jdbc.sql("""
                    SELECT COUNT(*) FROM notification_outbox WHERE (recipient = :r OR channel = 'job') AND status IN ('pending', 'sending')""")
                    .param("r", recipient).query(Long.class).single();
            if (waiting == 0) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("messages to " + recipient + " still waiting in the outbox after 10 s");
    }
}
