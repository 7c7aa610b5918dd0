package dev.janua.server.organizations;

import java.time.Instant;
import java.util.List;

/** A user's place in an organization: the role held there and permissions granted on top of it. */
public record Membership(String organizationId, String userId, String roleId, List<String> extraPermissions,
                         Instant joinedAt, Instant updatedAt) {}
