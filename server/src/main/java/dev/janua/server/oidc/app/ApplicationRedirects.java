package dev.janua.server.oidc.app;

import dev.janua.server.oidc.RegisteredRedirects;
import dev.janua.server.oidc.persistence.JdbcApplications;
import org.springframework.stereotype.Service;

/** {@link RegisteredRedirects} over the applications' stored redirect URIs. */
@Service
class ApplicationRedirects implements RegisteredRedirects {
    private final JdbcApplications applications;

    ApplicationRedirects(JdbcApplications applications) {
        this.applications = applications;
    }

    @Override
    public boolean isRegistered(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > 1000) return false;
        return !applications.findByRedirectUri(uri).isEmpty();
    }
}
