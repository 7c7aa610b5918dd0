package dev.janua.server.console.app;

import dev.janua.server.platform.security.Caller;
import java.util.List;
import java.util.Objects;

/**
 * Who is looking at the console: a platform admin (everything), or an owner/admin of the listed
 * organizations (only those). The {@link #caller()} is what the console hands to the application
 * services, the same object the API builds from an access token, so every permission rule is the API's.
 */
public record ConsoleViewer(String userId, String sessionId, String email, String displayName, boolean platformAdmin,
                            List<OrgChoice> organizations) {
    public ConsoleViewer {
        Objects.requireNonNull(userId, "userId");
        organizations = List.copyOf(organizations);
    }

    /** One organization the viewer administers, with the viewer's role key there. */
    public record OrgChoice(String id, String name, String role) {}

    public Caller caller() {
        return new Caller(userId, sessionId, null);
    }

    /** Anyone with something to administer. */
    public boolean mayEnter() {
        return platformAdmin || !organizations.isEmpty();
    }

    public boolean administers(String organizationId) {
        return platformAdmin || organizations.stream().anyMatch(o -> o.id().equals(organizationId));
    }
}
