package dev.janua.server.organizations;

import java.time.Instant;

/** A tenant: the customer company whose users are its members. */
public record Organization(String id, String name, String slug, String description, String domain, String logoUrl,
                           String billingEmail, OrganizationSettings settings, String createdBy, Instant createdAt,
                           Instant updatedAt) {}
