package dev.janua.sdk;

import java.util.List;

/**
 * Every route the SDK calls, under {@code /api/v1} unless it starts with {@code /.well-known} or {@code /health}
 * (sdks/README.md §2: one table per SDK). {@code RouteDriftIntegrationTest} fails when one of them is missing from
 * the running server's {@code /openapi.json}, or when a namespace calls a path this table does not list.
 */
public final class Routes {
    private Routes() {}

    public static final List<String> ALL = List.of(
            // auth
            "POST /auth/signup", "POST /auth/signin", "POST /auth/signout", "POST /auth/refresh", "GET /auth/me",
            "POST /auth/password/forgot", "POST /auth/password/reset", "POST /users/me/password",
            "POST /users/me/verify-email/send", "POST /users/me/verify-email/confirm", "GET /auth/verify-email",
            "PATCH /users/me", "DELETE /users/me",
            // mfa
            "GET /mfa", "POST /auth/mfa/enable", "POST /auth/mfa/verify", "POST /mfa/disable", "POST /mfa/sms/setup",
            "POST /mfa/sms/verify", "POST /mfa/backup-codes/regenerate", "GET /mfa/backup-codes",
            "POST /auth/login/mfa/sms", "POST /auth/login/mfa", "GET /mfa/trusted-devices",
            "DELETE /mfa/trusted-devices/{id}", "DELETE /mfa/trusted-devices",
            // magic links
            "POST /auth/magic-link", "POST /auth/magic-link/verify", "POST /auth/magic-link/exchange",
            // sessions
            "GET /sessions", "GET /sessions/{id}", "GET /sessions/current", "DELETE /sessions/{id}", "DELETE /sessions",
            "POST /sessions/revoke-all",
            // users (admin), roles and permission checks
            "GET /users", "GET /users/{userId}", "GET /users/by-email", "POST /users", "PATCH /users/{userId}",
            "DELETE /users/{userId}", "POST /admin/users/{userId}/suspend", "POST /admin/users/{userId}/unsuspend",
            "POST /admin/users/{userId}/unlock", "GET /users/{userId}/roles", "POST /users/{userId}/permissions/check",
            // organizations, members, invitations
            "POST /organizations", "GET /organizations/{organizationId}", "GET /organizations", "GET /admin/organizations",
            "PATCH /organizations/{organizationId}", "DELETE /organizations/{organizationId}",
            "POST /organizations/{organizationId}/join", "GET /organizations/{organizationId}/members",
            "GET /organizations/{organizationId}/members/{userId}", "POST /organizations/{organizationId}/members",
            "PATCH /organizations/{organizationId}/members/{userId}", "DELETE /organizations/{organizationId}/members/{userId}",
            "POST /organizations/{organizationId}/invitations", "GET /organizations/{organizationId}/invitations",
            "GET /organizations/{organizationId}/invitations/{invitationId}",
            "POST /organizations/{organizationId}/invitations/{invitationId}/resend",
            "POST /organizations/{organizationId}/invitations/{invitationId}/revoke",
            "GET /invitations/accept", "POST /invitations/accept",
            // roles, permissions, api keys
            "GET /roles", "GET /roles/{roleId}", "POST /roles", "PATCH /roles/{roleId}", "DELETE /roles/{roleId}",
            "GET /permissions", "POST /api-keys", "GET /api-keys", "GET /api-keys/{keyId}", "DELETE /api-keys/{keyId}",
            // webhooks
            "POST /webhooks", "GET /webhooks", "GET /webhooks/{id}", "PATCH /webhooks/{id}", "DELETE /webhooks/{id}",
            "POST /webhooks/{id}/rotate-secret", "GET /webhooks/{id}/secret", "POST /webhooks/{id}/test",
            "GET /webhooks/{id}/deliveries", "GET /webhooks/{id}/deliveries/{deliveryId}",
            "POST /webhooks/{id}/deliveries/{deliveryId}/redeliver", "GET /webhooks/events",
            // audit logs and administration
            "GET /audit-logs", "GET /admin/audit-logs", "GET /admin/audit-logs/verify", "GET /admin/audit-logs/export",
            "POST /admin/signing-keys/rotate", "GET /admin/health",
            // outside /api/v1
            "GET /health", "GET /.well-known/jwks.json");
}
