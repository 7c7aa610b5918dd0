package dev.janua.server.platform.crypto;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An Argon2 hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded
 * standard base64), the layout Spring Security's encoder and libargon2 write, so stored hashes move freely.
 */
record Argon2Phc(String type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Set<String> COST_NAMES = Set.of("m", "t", "p");

    String format() {
        return "$" + type + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Null when the text is not a well-formed Argon2 PHC string. */
    static Argon2Phc parse(String text) {
        String[] parts = text.split("\\$", -1);
        // "", type, v=19, m=..,t=..,p=.., salt, hash (the version part is absent in pre-1.3 hashes)
        if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].startsWith("argon2") || !parts[2].startsWith("v=")) return null;
        try {
            int version = Integer.parseInt(parts[2].substring(2));
            Map<String, Long> costs = costs(parts[3]);
            if (costs == null || !COST_NAMES.containsAll(costs.keySet())) return null;
            int m = positiveInt(costs.get("m")), t = positiveInt(costs.get("t")), p = positiveInt(costs.get("p"));
            if (m <= 0 || t <= 0 || p <= 0) return null;
            return new Argon2Phc(parts[1], version, m, t, p, DECODER.decode(parts[4]), DECODER.decode(parts[5]));
        } catch (IllegalArgumentException malformed) { // NumberFormatException included
            return null;
        }
    }

    /**
     * The costs of a PHC string's cost part ({@code m=19456,t=2,p=1}) by name; null when a cost is not a whole
     * number of at most 10 digits ("+9…" or 11 digits is never written by an Argon2 implementation).
     */
    static Map<String, Long> costs(String costPart) {
        Map<String, Long> costs = new HashMap<>();
        for (String cost : costPart.split(",")) {
            String[] kv = cost.split("=", 2);
            if (kv.length != 2 || kv[1].isEmpty() || kv[1].length() > 10 || !kv[1].chars().allMatch(Character::isDigit)) return null;
            costs.put(kv[0], Long.parseLong(kv[1]));
        }
        return costs;
    }

    private static int positiveInt(Long value) {
        return value == null || value > Integer.MAX_VALUE ? -1 : value.intValue();
    }
}
