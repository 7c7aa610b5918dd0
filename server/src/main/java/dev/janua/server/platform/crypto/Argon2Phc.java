package dev.janua.server.platform.crypto;

import java.util.Base64;

/**
 * An Argon2 hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded
 * standard base64), the layout Spring Security's encoder and libargon2 write, so stored hashes move freely.
 */
record Argon2Phc(String type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

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
            int m = -1, t = -1, p = -1;
            for (String cost : parts[3].split(",")) {
                String[] kv = cost.split("=", 2);
                if (kv.length != 2) return null;
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> { return null; }
                }
            }
            if (m <= 0 || t <= 0 || p <= 0) return null;
            return new Argon2Phc(parts[1], version, m, t, p, DECODER.decode(parts[4]), DECODER.decode(parts[5]));
        } catch (IllegalArgumentException malformed) { // NumberFormatException included
            return null;
        }
    }
}
