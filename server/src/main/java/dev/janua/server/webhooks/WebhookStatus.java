package dev.janua.server.webhooks;

import java.util.Map;

/** What admin health reports about webhook delivery. */
public interface WebhookStatus {
    Map<String, Long> deliveriesByStatus();

    /** Committed events not yet fanned out to endpoints. */
    long fanoutBacklog();
}
