package dev.janua.server;

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
        app.run(args);
    }
}
