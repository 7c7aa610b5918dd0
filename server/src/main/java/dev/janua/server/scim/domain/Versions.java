package dev.janua.server.scim.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Resource versions (RFC 7644 §3.14): a weak ETag computed from the resource's own content, so it
 * changes whenever anything the client can see changes — including a profile edit made outside
 * SCIM — without a version counter every writer would have to bump.
 */
public final class Versions {
    private Versions() {}

    /** Adds {@code meta} (with its {@code version}) to a rendered resource that has none yet. */
    public static void meta(ObjectNode resource, String resourceType, Instant created, Instant lastModified, String location) {
        String version = of(resource);
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        meta.put("version", version);
    }

    static String of(ObjectNode withoutMeta) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(withoutMeta.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether an {@code If-Match} header allows a write on a resource at {@code current}: absent or
     * {@code *} always does; otherwise one of the listed tags must match (weak comparison, §3.14).
     */
    public static boolean matches(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) return true;
        String bare = strip(current);
        for (String tag : ifMatch.split(",")) {
            if (strip(tag.trim()).equals(bare)) return true;
        }
        return false;
    }

    private static String strip(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.replace("\"", "");
    }
}
