package dev.janua.server.oidc.app;

import dev.janua.server.oidc.domain.Application;
import dev.janua.server.oidc.persistence.JdbcApplications;
import dev.janua.server.themes.ThemeOwners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A client's theme chain: its application, then the application's organization. */
@Component
class ApplicationThemeOwners implements ThemeOwners {
    private final JdbcApplications applications;

    ApplicationThemeOwners(JdbcApplications applications) {
        this.applications = applications;
    }

    @Override
    public Optional<Client> ofClient(String clientId) {
        return applications.findByClientId(clientId).map(a -> {
            List<String> owners = new ArrayList<>(List.of(a.id()));
            if (a.organizationId() != null) owners.add(a.organizationId());
            return new Client(a.name(), List.copyOf(owners));
        });
    }

    @Override
    public String organizationOf(String ownerId) {
        if (ownerId.startsWith("org_")) return ownerId;
        return applications.find(ownerId).map(Application::organizationId).orElse(null);
    }
}
