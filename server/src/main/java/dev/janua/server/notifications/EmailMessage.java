package dev.janua.server.notifications;

import java.time.Instant;

/** One outgoing email, plain text. */
public record EmailMessage(String to, String subject, String body, String template, Instant createdAt) {}
