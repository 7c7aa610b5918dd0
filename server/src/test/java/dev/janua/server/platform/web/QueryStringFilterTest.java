package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringFilterTest {

    @Test
    void percentEscapesMustSpellUtf8() {
        for (String ok : new String[] {null, "", "token=abc", "to=%2B15551234567", "name=%C3%A9t%C3%A9", "q=%E2%82%AC&x=1",
                "a=b+c", "emoji=%F0%9F%94%91", "nul=%00"}) {
            assertThat(QueryStringFilter.wellFormed(ok)).as(String.valueOf(ok)).isTrue();
        }
        for (String bad : new String[] {"token=%ff", "token=%FF", "a=%C3", "a=%E2%82", "a=%E2&b=%82%AC", "a=%zz", "a=%",
                "a=%4", "a=%C0%AF", "a=%ED%A0%80"}) {
            assertThat(QueryStringFilter.wellFormed(bad)).as(bad).isFalse();
        }
    }
}
