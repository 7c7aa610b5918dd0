package dev.janua.server.platform.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans; tests replace the clock to control time. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfig {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
