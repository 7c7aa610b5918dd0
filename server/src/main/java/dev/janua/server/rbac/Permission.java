package dev.janua.server.rbac;

/**
 * One entry of the permission catalogue ({@code GET /permissions}). {@code platform} permissions
 * concern the whole installation (the admin user API) and are held only by platform admins and
 * platform-scoped API keys; the others are granted inside an organization.
 */
public record Permission(String id, String name, String description, String category, boolean platform) {}
