package dev.janua.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevelopmentModeWarningTest {

    @Test
    void everyInterfaceOrAnOutsideAddressIsBeyondLoopback() {
        assertThat(DevelopmentModeWarning.beyondLoopback("")).isTrue();
        assertThat(DevelopmentModeWarning.beyondLoopback(null)).isTrue();
        assertThat(DevelopmentModeWarning.beyondLoopback("0.0.0.0")).isTrue();
        assertThat(DevelopmentModeWarning.beyondLoopback("192.168.1.10")).isTrue();
        assertThat(DevelopmentModeWarning.beyondLoopback("127.0.0.1")).isFalse();
        assertThat(DevelopmentModeWarning.beyondLoopback("::1")).isFalse();
        assertThat(DevelopmentModeWarning.beyondLoopback("localhost")).isFalse();
    }

    @Test
    void theWarningSaysWhatIsExposedAndWhatToChange() {
        String quiet = String.join("\n", DevelopmentModeWarning.lines("every network interface", "8000", false));
        assertThat(quiet).contains("DEVELOPMENT MODE").contains("every network interface").contains("this machine only")
                .contains("JANUA_ENV=production");
        String open = String.join("\n", DevelopmentModeWarning.lines("every network interface", "8000", true));
        assertThat(open).contains("OPEN TO EVERY CLIENT").contains("JANUA_DEV_ENDPOINTS_REMOTE_ACCESS=true");
    }
}
