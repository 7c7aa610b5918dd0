package dev.janua.server.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.realtime.*}: heartbeat period (also when sessions, token expiry and organization
 * access are re-checked), how long a socket may stay unauthenticated, the per-connection send
 * buffer and send time limit (a client slower than that is disconnected), the node-wide bound on
 * frames queued for all clients together, and how this node tails the event feed.
 */
@ConfigurationProperties("janua.realtime")
public record RealtimeProperties(
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("10s") Duration authTimeout,
        @DefaultValue("262144") int sendBufferBytes,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("33554432") long nodeSendBufferBytes,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2s") Duration gapWait) {}
