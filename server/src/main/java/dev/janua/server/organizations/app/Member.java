package dev.janua.server.organizations.app;

import java.time.Instant;
import java.util.List;

/**
 * A member as the API shows it: the user's public fields, the role (its key, id and name), the
 * effective permissions and those granted on top of the role.
 */
public record Member(String id, String userId, String organizationId, String email, String firstName, String lastName,
                     String username, String profileImageUrl, String status, boolean emailVerified, String role,
                     String roleId, String roleName, List<String> permissions, List<String> extraPermissions,
                     Instant joinedAt, Instant lastActiveAt) {}
