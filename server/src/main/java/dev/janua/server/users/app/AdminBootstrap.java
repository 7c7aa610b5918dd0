package dev.janua.server.users.app;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap platform admin from {@code JANUA_ADMIN_EMAIL}/{@code JANUA_ADMIN_PASSWORD}
 * at start when no account has that email yet. The password is not screened: the operator chose it.
 */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final UserDirectory users;
    private final PasswordHasher hasher;
    private final JanuaProperties properties;

    AdminBootstrap(UserDirectory users, PasswordHasher hasher, JanuaProperties properties) {
        this.users = users;
        this.hasher = hasher;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.adminEmail();
        String password = properties.adminPassword();
        if (email.isBlank() || password.isBlank()) return;
        if (users.findByEmail(email).isPresent()) return;
        try {
            users.create(new NewUser(email.trim(), hasher.hash(password), "Admin", null, null, null, true, true), "system",
                    ClientInfo.none());
            log.info("created bootstrap admin {}", email);
        } catch (RuntimeException e) {
            // another node created it first
            log.info("bootstrap admin {} not created: {}", email, e.getMessage());
        }
    }
}
