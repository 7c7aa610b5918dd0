package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

class MalformedRequestFilterTest {

    @Test
    void percentEscapesMustSpellUtf8() {
        for (String ok : new String[] {null, "", "token=abc", "to=%2B15551234567", "name=%C3%A9t%C3%A9", "q=%E2%82%AC&x=1",
                "a=b+c", "emoji=%F0%9F%94%91", "nul=%00"}) {
            assertThat(MalformedRequestFilter.wellFormed(ok)).as(String.valueOf(ok)).isTrue();
        }
        for (String bad : new String[] {"token=%ff", "token=%FF", "a=%C3", "a=%E2%82", "a=%E2&b=%82%AC", "a=%zz", "a=%",
                "a=%4", "a=%C0%AF", "a=%ED%A0%80"}) {
            assertThat(MalformedRequestFilter.wellFormed(bad)).as(bad).isFalse();
        }
    }

    @Test
    void onlyDecodingFailuresOfTheClientsInputAreTurnedInto400() {
        HttpMessageNotReadableException form = new HttpMessageNotReadableException("Could not decode HTTP form payload",
                new IllegalArgumentException("URLDecoder: Illegal hex characters"), new MockHttpInputMessage(new byte[0]));
        assertThat(MalformedRequestFilter.undecodableInput(form)).isTrue();
        assertThat(MalformedRequestFilter.undecodableInput(new ServletException(new InvalidParameterException("bad")))).isTrue();
        assertThat(MalformedRequestFilter.undecodableInput(new IllegalStateException("a bug"))).isFalse();
        assertThat(MalformedRequestFilter.undecodableInput(new ServletException("a bug", new NullPointerException()))).isFalse();
    }
}
