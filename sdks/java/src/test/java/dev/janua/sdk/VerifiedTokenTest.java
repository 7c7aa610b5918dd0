package dev.janua.sdk.resourceserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claim-based checks, for tokens that carry permissions (OAuth clients, the {@code organizations} scope). */
class VerifiedTokenTest {
    private static VerifiedToken token(String json) throws Exception {
        return new VerifiedToken(new ObjectMapper().readTree(json));
    }

    @Test
    void permissionsFromClaimsFollowJanuasWildcards() throws Exception {
        VerifiedToken t = token("""
                {"sub":"usr_1","sid":"sess_1","exp":9999999999,"scope":"openid members:read",
                 "permissions":["billing:*"],"roles":["auditor"],
                 "organizations":[{"id":"org_a","role":"admin","permissions":["members:invite","roles:*"]}]}""");
        assertTrue(t.hasPermission("members:read"));
        assertTrue(t.hasPermission("billing:write"), "resource:* grants every action");
        assertFalse(t.hasPermission("members:invite"), "an organization's permission is not global");
        assertTrue(t.hasPermission("org_a", "members:invite"));
        assertTrue(t.hasPermission("org_a", "roles:write"));
        assertFalse(t.hasPermission("org_b", "members:invite"));
        assertTrue(t.hasRole("auditor"));
        assertTrue(t.hasRole("org_a", "admin"));
        assertFalse(t.hasRole("org_b", "admin"));
        t.requirePermissions("org_a", "members:invite", "members:read");
        assertEquals("INSUFFICIENT_PERMISSIONS",
                assertThrows(dev.janua.sdk.errors.AuthorizationException.class, () -> t.requirePermissions(null, "users:delete")).code());
        assertTrue(token("{\"permissions\":[\"*\"]}").hasPermission("anything:at-all"));
    }
}
