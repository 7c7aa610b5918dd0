package dev.janua.server.users.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which part of a search term the trigram index is asked for (the whole term is always checked too). */
class SearchProbeTest {
    private static final Set<String> SEEDED = Set.of("use", "ser", "er4", "ben", "enc", "nch", "exa", "xam", "amp", "mpl", "ple");

    @Test
    void aTermWithoutFrequentTrigramsIsAskedForWhole() {
        assertThat(SearchProbe.narrow("smith", SEEDED)).isEqualTo("smith");
        assertThat(SearchProbe.narrow("user4242", Set.of())).as("no sample yet").isEqualTo("user4242");
    }

    @Test
    void frequentTrigramsAreLeftToTheFilter() {
        assertThat(SearchProbe.narrow("user4242", SEEDED)).isEqualTo("r4242");
        assertThat(SearchProbe.narrow("user404242@", SEEDED)).isEqualTo("r404242");
    }

    @Test
    void theLongestUncommonRunWinsAndTheFirstOfEqualOnes() {
        // abc bcu cus | use ser | erq rq1 q12 123 234
        assertThat(SearchProbe.narrow("abcuserq1234", SEEDED)).isEqualTo("erq1234");
        // abc bcu cus | use ser | erx rxy xyz
        assertThat(SearchProbe.narrow("abcuserxyz", SEEDED)).isEqualTo("abcus");
    }

    @Test
    void separatorsEndARunBecauseTheIndexSplitsWordsThere() {
        assertThat(SearchProbe.narrow("ab.cd user", SEEDED)).isEqualTo("ab.cd user");
        assertThat(SearchProbe.narrow("jo ann user", Set.of("use", "ser", "ann"))).as("nothing left to ask for").isEqualTo("jo ann user");
    }

    @Test
    void aTermMadeOnlyOfFrequentTrigramsIsAskedForWhole() {
        assertThat(SearchProbe.narrow("user", SEEDED)).isEqualTo("user");
        assertThat(SearchProbe.narrow("us", SEEDED)).isEqualTo("us");
    }
}
