package dev.janua.server.console.app;

import dev.janua.server.organizations.app.OrganizationQueries;
import dev.janua.server.organizations.app.OrganizationView;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.SystemRole;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Decides who may enter the console: platform admins, and owners or admins of at least one
 * organization (those see only their organizations). Members see nothing. Read afresh on every
 * request, so a demotion takes effect on the next page.
 */
@Service
public class ConsoleAccess {
    /** The organization roles that administer an organization through the console. */
    static final List<String> ADMIN_ROLES = List.of(SystemRole.OWNER.key(), SystemRole.ADMIN.key());
    private static final int MAX_SWITCHER = 100;
    private final UserDirectory users;
    private final PlatformAdmins admins;
    private final OrganizationQueries organizations;

    public ConsoleAccess(UserDirectory users, PlatformAdmins admins, OrganizationQueries organizations) {
        this.users = users;
        this.admins = admins;
        this.organizations = organizations;
    }

    /** The viewer behind a browser session, or empty when the account is gone. */
    public Optional<ConsoleViewer> viewer(String userId, String sessionId) {
        Optional<User> user = users.findById(userId);
        if (user.isEmpty()) return Optional.empty();
        Caller caller = new Caller(userId, sessionId, null);
        List<ConsoleViewer.OrgChoice> mine = new ArrayList<>();
        for (String role : ADMIN_ROLES) {
            for (OrganizationView o : organizations.listMine(caller, role, PageRequest.of(MAX_SWITCHER, null, null)).data()) {
                mine.add(new ConsoleViewer.OrgChoice(o.id(), o.name(), role));
            }
        }
        mine.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        User u = user.get();
        return Optional.of(new ConsoleViewer(userId, sessionId, u.email(), u.displayName(), admins.isAdmin(caller), mine));
    }
}
