package dev.janua.server.passkeys.app;

import dev.janua.server.passkeys.domain.WebAuthnCeremony;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One webauthn4j manager for the process: it is thread-safe and costly enough to build once. */
@Configuration(proxyBeanMethods = false)
class PasskeyConfig {
    @Bean
    WebAuthnCeremony webAuthnCeremony() {
        return new WebAuthnCeremony();
    }
}
