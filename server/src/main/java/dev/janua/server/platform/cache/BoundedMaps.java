package dev.janua.server.platform.cache;

import java.util.Iterator;
import java.util.Map;

/** The eviction the per-node caches share: tracking age is not worth it on maps this small. */
public final class BoundedMaps {
    private BoundedMaps() {}

    /** When {@code map} holds {@code maxEntries} or more, drops about a tenth of them (whichever come first). */
    public static void makeRoom(Map<?, ?> map, int maxEntries) {
        if (map.size() < maxEntries) return;
        int drop = Math.max(1, maxEntries / 10);
        Iterator<?> keys = map.keySet().iterator();
        while (drop-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
