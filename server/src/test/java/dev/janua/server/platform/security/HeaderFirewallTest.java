package dev.janua.server.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The firewall's header rules, as a loop, accept exactly what Spring Security's regular expressions accept. */
class HeaderFirewallTest {
    // Spring Security 7's StrictHttpFirewall patterns for header names and values
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheRegularExpressionsJudgeIt() {
        int accepted = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String one = "a" + Character.toString(cp) + "b";
            assertThat(HeaderFirewall.isAllowedName(one)).as("name U+%04X", cp).isEqualTo(NAMES.matcher(one).matches());
            assertThat(HeaderFirewall.isAllowedValue(one)).as("value U+%04X", cp).isEqualTo(VALUES.matcher(one).matches());
            if (HeaderFirewall.isAllowedValue(one)) accepted++;
        }
        assertThat(accepted).isBetween(250_000, 1_100_000); // most are assigned; control and unassigned are not
    }

    @Test
    void surrogatesAndMixedStringsAreJudgedAsTheRegularExpressionsJudgeThem() {
        for (String s : List.of("", "Bearer eyJhbGciOi.x-y_z", "tab\there", "nul\u0000", "del\u007f", "é ü ß", "😀 emoji",
                "\ud83d", "x\ude00y", "\ud83d\ude00\ud83d", "line\nbreak", "unassigned\u0378", "c1\u0085")) {
            assertThat(HeaderFirewall.isAllowedName(s)).as(s).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderFirewall.isAllowedValue(s)).as(s).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void theFirewallRejectsAControlCharacterInAHeaderValueAndPassesAToken() {
        StrictHttpFirewall firewall = HeaderFirewall.create();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/auth/me");
        request.addHeader("Authorization", "Bearer abc.def.ghi");
        request.addHeader("X-Evil", "a\u0007b");
        var checked = firewall.getFirewalledRequest(request);
        assertThat(checked.getHeader("Authorization")).isEqualTo("Bearer abc.def.ghi");
        assertThatThrownBy(() -> checked.getHeader("X-Evil")).isInstanceOf(RequestRejectedException.class);
    }
}
