package dev.janua.server.social.domain;

import java.util.Objects;

/**
 * Who the provider says signed in. {@code emailVerified} is true only when the provider asserts it
 * (an OIDC {@code email_verified} claim, GitHub's primary verified address, Discord's {@code verified},
 * X's confirmed email); Janua links accounts on nothing less.
 */
public record ExternalProfile(String subject, String email, boolean emailVerified, String firstName, String lastName,
                              String displayName, String pictureUrl) {
    public ExternalProfile {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > 255) throw new IllegalArgumentException("subject");
        email = email == null || email.isBlank() ? null : email.trim();
        if (email == null) emailVerified = false;
        firstName = clip(firstName, 100);
        lastName = clip(lastName, 100);
        displayName = clip(displayName, 200);
        pictureUrl = pictureUrl != null && pictureUrl.length() <= 2048 && pictureUrl.startsWith("https://") ? pictureUrl : null;
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) return null;
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
