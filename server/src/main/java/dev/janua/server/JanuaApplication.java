package dev.janua.server;

import dev.janua.server.platform.startup.StartupProfile;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Janua identity server: one Spring Boot application, one package per domain module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class JanuaApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(JanuaApplication.class);
        StartupProfile.installIfRequested(app);
        app.run(args);
    }
}
