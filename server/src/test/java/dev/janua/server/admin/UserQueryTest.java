package dev.janua.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.persistence.Filters;
import dev.janua.server.users.UserQuery.Sort;
import dev.janua.server.users.UserQuery.SortField;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    @Test
    void sortAcceptsTheSeedFormsAndNothingElse() {
        assertThat(Sort.parse(null)).isEqualTo(Sort.DEFAULT);
        assertThat(Sort.parse("created_at:desc")).isEqualTo(new Sort(SortField.CREATED_AT, true));
        assertThat(Sort.parse("createdAt")).isEqualTo(new Sort(SortField.CREATED_AT, false));
        assertThat(Sort.parse("-email")).isEqualTo(new Sort(SortField.EMAIL, true));
        assertThat(Sort.parse("email:asc")).isEqualTo(new Sort(SortField.EMAIL, false));
        assertThatThrownBy(() -> Sort.parse("password_hash")).isInstanceOf(JanuaException.class);
        assertThatThrownBy(() -> Sort.parse("email:sideways")).isInstanceOf(JanuaException.class);
    }

    @Test
    void searchTermsAreLowerCasedAndTheirWildcardsEscaped() {
        assertThat(Filters.containsPattern(" John ")).isEqualTo("%john%");
        assertThat(Filters.containsPattern("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void filtersJoinOnlyPresentConditions() {
        Filters f = new Filters().whereIf("a = :a", "a", null).whereIf("b = :b", "b", 2).where("c IS NULL");
        assertThat(f.sql()).isEqualTo(" WHERE b = :b AND c IS NULL");
        assertThat(f.params()).containsOnlyKeys("b");
        assertThat(new Filters().sql()).isEmpty();
    }
}
