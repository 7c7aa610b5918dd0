package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A dispatcher stopped and started again (Spring pauses idle test and application contexts) still sends. */
class ClaimedSendersTest {

    @Test
    void sendsAgainAfterAStopAndRestart() throws Exception {
        ClaimedSenders senders = new ClaimedSenders(2);
        CountDownLatch before = new CountDownLatch(1);
        senders.runClaimed(free -> List.of("a"), item -> before.countDown(), () -> {});
        assertThat(before.await(5, TimeUnit.SECONDS)).isTrue();

        senders.stop(Duration.ofSeconds(1));
        CountDownLatch after = new CountDownLatch(2);
        senders.runClaimed(free -> List.of("b", "c"), item -> after.countDown(), () -> {});
        assertThat(after.await(5, TimeUnit.SECONDS)).as("both claimed items sent after the restart").isTrue();
    }
}
