package dev.janua.server.social.domain;

import java.time.Instant;

/** A user's account at a provider: {@code (provider, subject)} belongs to one Janua user only. */
public record SocialIdentity(String id, String userId, String provider, String subject, String email, boolean emailVerified,
                             String displayName, Instant createdAt, Instant lastUsedAt) {}
