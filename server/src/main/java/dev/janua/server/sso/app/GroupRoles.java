package dev.janua.server.sso.app;

import dev.janua.server.sso.domain.SsoConnection;
import java.util.List;
import java.util.Map;

/**
 * Groups → role: the mapping is read in the order the admin gave it, and the first group of the
 * mapping the person belongs to decides (list the most privileged mapping first). No match: the
 * connection's default role, else the organization's (null lets the organizations module decide).
 */
final class GroupRoles {
    private GroupRoles() {}

    static String roleFor(SsoConnection c, List<String> groups) {
        for (Map.Entry<String, String> e : c.groupRoleMapping().entrySet()) {
            for (String g : groups) if (g.equalsIgnoreCase(e.getKey())) return e.getValue();
        }
        return c.defaultRole();
    }
}
