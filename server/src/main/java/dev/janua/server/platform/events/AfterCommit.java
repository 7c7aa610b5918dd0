package dev.janua.server.platform.events;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a wake-up once the current transaction has committed (never after a rollback), or at once
 * when there is no transaction: a worker woken before the commit looks for a row it cannot see yet,
 * and then sleeps until its next poll.
 */
public final class AfterCommit {
    private AfterCommit() {}

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
