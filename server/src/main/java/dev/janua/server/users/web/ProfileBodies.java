package dev.janua.server.users.web;

import dev.janua.server.platform.cache.AuthCacheProperties;
import dev.janua.server.platform.cache.BoundedMaps;
import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.web.JsonBody;
import dev.janua.server.users.User;
import dev.janua.server.users.UserView;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of {@code GET /auth/me} per user, kept for as long as the per-node user cache hands out the same
 * {@link User} (issue 16: serialising the view was the largest part of what {@code /auth/me} costs beyond a JWKS
 * request). A body is reused only for the <em>identical</em> {@code User} instance it was made from: any change to
 * the user drops it from the user cache, here at commit and on other nodes through the invalidation channel, and
 * the next read returns a new instance, which misses here; when the user cache is bypassed, every read is new.
 * So this keeps no state of its own that could go stale. The same invalidations also drop the body itself, so a
 * changed or deleted user's old JSON is not held on to. At most {@code janua.auth-cache.max-entries} bodies.
 */
@Component
class ProfileBodies {
    private record Entry(User user, JsonBody body) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final int maxEntries;

    ProfileBodies(JsonMapper json, AuthCacheProperties config, Invalidations invalidations) {
        this.json = json;
        this.maxEntries = config.enabled() ? config.maxEntries() : 0;
        invalidations.onInvalidate(key -> {
            if ("*".equals(key)) entries.clear(); // the channel to other nodes came or went
            else entries.remove(key); // a user id (or a session id, which is no key here)
        });
    }

    /** The JSON of {@code UserView.of(user)}, serialised again only when {@code user} is not the instance last seen. */
    JsonBody of(User user) {
        Entry e = entries.get(user.id());
        if (e != null && e.user() == user) return e.body();
        UserView view = UserView.of(user);
        JsonBody body = new JsonBody(view, json.writeValueAsBytes(view));
        if (maxEntries > 0) {
            BoundedMaps.makeRoom(entries, maxEntries);
            entries.put(user.id(), new Entry(user, body));
        }
        return body;
    }

    int size() {
        return entries.size();
    }
}
