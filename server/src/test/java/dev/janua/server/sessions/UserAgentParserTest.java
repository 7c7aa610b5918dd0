package dev.janua.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.sessions.domain.DeviceInfo;
import dev.janua.server.sessions.domain.UserAgentParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserAgentParserTest {

    @ParameterizedTest(name = "{1} / {3} / {5}")
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome|131|Windows|10|desktop",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15|Safari|17|macOS|10.15.7|desktop",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1|Safari|17|iOS|17.1.2|mobile",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1|Chrome|120|iOS|16.6|tablet",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36|Chrome|120|Android|14|mobile",
            "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Safari/537.36|Samsung Internet|23|Android|13|tablet",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91|Edge|120|Windows|10|desktop",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0|Firefox|121|Linux||desktop",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0|Opera|106|Windows|10|desktop",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36|Chrome|119|ChromeOS||desktop",
            "Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko|Internet Explorer|11|Windows|7|desktop",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)|Unknown||Unknown||bot",
            "curl/8.4.0|curl|8|Unknown||unknown"})
    void readsBrowserOsAndDeviceType(String ua, String browser, String version, String os, String osVersion, String type) {
        DeviceInfo d = UserAgentParser.parse(ua);
        assertThat(d.browser()).isEqualTo(browser);
        assertThat(d.browserVersion()).isEqualTo(version);
        assertThat(d.os()).isEqualTo(os);
        assertThat(d.osVersion()).isEqualTo(osVersion);
        assertThat(d.deviceType()).isEqualTo(type);
    }

    @org.junit.jupiter.api.Test
    void missingUserAgentIsUnknownAndLabelsReadWell() {
        assertThat(UserAgentParser.parse(null)).isEqualTo(DeviceInfo.UNKNOWN);
        assertThat(UserAgentParser.parse("  ").label()).isEqualTo("Unknown device");
        assertThat(UserAgentParser.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36").label())
                .isEqualTo("Chrome on Windows");
    }
}
