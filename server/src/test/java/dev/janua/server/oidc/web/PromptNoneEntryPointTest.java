package dev.janua.server.oidc.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8252 §7.3 as the authorization endpoint applies it: loopback IP literals only, any port, everything else equal. */
class PromptNoneEntryPointTest {
    @Test
    void onlyLoopbackIpLiteralsAreLoopback() {
        assertThat(PromptNoneEntryPoint.isLoopbackAddress("127.0.0.1")).isTrue();
        assertThat(PromptNoneEntryPoint.isLoopbackAddress("127.255.0.1")).isTrue();
        assertThat(PromptNoneEntryPoint.isLoopbackAddress("[::1]")).isTrue();
        for (String notLoopback : List.of("localhost", "127.0.0", "127.0.0.256", "128.0.0.1", "0x7f.0.0.1", "127.0.0.1.", "", "127.0.0.01a")) {
            assertThat(PromptNoneEntryPoint.isLoopbackAddress(notLoopback)).as(notLoopback).isFalse();
        }
    }

    @Test
    void aLoopbackRedirectMatchesOnAnyPortAndNothingElseDiffers() {
        List<String> registered = List.of("http://127.0.0.1/cb", "https://app.example.com/cb");
        assertThat(PromptNoneEntryPoint.registered(registered, "http://127.0.0.1:51234/cb")).isTrue();
        assertThat(PromptNoneEntryPoint.registered(registered, "http://127.0.0.1/cb")).isTrue();
        assertThat(PromptNoneEntryPoint.registered(registered, "https://app.example.com/cb")).isTrue();
        for (String miss : List.of("https://app.example.com:8443/cb", "http://127.0.0.1:5/cb/", "http://127.0.0.1:5/cb?x", "http://127.0.0.1:5/cb#f",
                "https://127.0.0.1:5/cb", "http://u@127.0.0.1:5/cb", "http://127.0.0.2:5/cb", "http://localhost:5/cb")) {
            assertThat(PromptNoneEntryPoint.registered(registered, miss)).as(miss).isFalse();
        }
    }
}
