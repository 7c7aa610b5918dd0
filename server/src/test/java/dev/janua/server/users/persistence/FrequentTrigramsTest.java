package dev.janua.server.users.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrequentTrigramsTest {
    @Test
    void countsEachSequenceOncePerRowAndOnlyLettersAndDigits() {
        List<String> rows = List.of("user1@bench.example ann", "user2@bench.example bob", "anna annan", "zed");
        // "use" in 2 of 4 rows, "ann" in 2 (counted once in "anna annan"), "r1@" never (not letters or digits)
        assertThat(FrequentTrigrams.frequentIn(rows, 0.5)).contains("use", "ser", "ben", "ann").doesNotContain("er1", "zed", "r1@", "bob");
    }
}
