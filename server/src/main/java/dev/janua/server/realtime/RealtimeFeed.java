package dev.janua.server.realtime;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.security.Caller;
import java.time.Instant;

/**
 * The real-time channels for transports other than Janua's own WebSocket protocol (GraphQL
 * subscriptions over {@code graphql-transport-ws}): the same authentication (an access token of a
 * live user session; API keys refused), the same channels and rules ({@code user.events} for one's
 * own events; {@code organization.events} for members holding {@code organization:update}, re-checked
 * at every heartbeat), the same events in the same JSON shape, and the same endings (session
 * revoked or expired, token expired). See docs/realtime.md.
 */
public interface RealtimeFeed {
    String USER_EVENTS = "user.events";
    String ORGANIZATION_EVENTS = "organization.events";

    /** Throws {@code JanuaException} (INVALID_TOKEN, SESSION_EXPIRED, UNAUTHORIZED, INSUFFICIENT_PERMISSIONS). */
    Viewer authenticate(String accessToken);

    /** Throws {@code JanuaException} when the viewer may not follow the channel. */
    Subscription subscribe(Viewer viewer, String channel, String organizationId, Listener listener);

    record Viewer(Caller caller, Instant tokenExpiresAt) {}

    interface Listener {
        /** One event as the WebSocket sends it: {@code {type:"event", channel, event, id, timestamp, data}}. */
        void event(String json);

        /** The subscription is over: {@code closeCode} is the WebSocket's (4001, 4002, 4008), {@code code} Janua's. */
        void ended(int closeCode, ErrorCode code);
    }

    interface Subscription {
        void cancel();
    }
}
