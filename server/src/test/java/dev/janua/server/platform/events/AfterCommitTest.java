package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A wake-up asked for inside a transaction runs after its commit, never before it nor after a rollback. */
class AfterCommitTest {
    private final TransactionTemplate tx = new TransactionTemplate(
            new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:after-commit;DB_CLOSE_DELAY=-1")));
    private final AtomicInteger woken = new AtomicInteger();

    @Test
    void runsAfterCommitOnly() {
        tx.executeWithoutResult(s -> {
            AfterCommit.run(woken::incrementAndGet);
            assertThat(woken).as("not before commit").hasValue(0);
        });
        assertThat(woken).hasValue(1);
    }

    @Test
    void neverRunsAfterARollback() {
        tx.executeWithoutResult(s -> {
            AfterCommit.run(woken::incrementAndGet);
            s.setRollbackOnly();
        });
        assertThat(woken).hasValue(0);
    }

    @Test
    void runsAtOnceOutsideATransaction() {
        AfterCommit.run(woken::incrementAndGet);
        assertThat(woken).hasValue(1);
    }
}
