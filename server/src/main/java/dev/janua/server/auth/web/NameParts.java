package dev.janua.server.auth.web;

/** First and last name from a request that may send them apart or, as seed 001 does, as one {@code name}. */
record NameParts(String first, String last) {
    static NameParts of(String first, String last, String name) {
        if (first == null && last == null && name != null && !name.isBlank()) {
            String[] parts = name.trim().split("\\s+", 2);
            return new NameParts(parts[0], parts.length > 1 ? parts[1] : null);
        }
        return new NameParts(first, last);
    }
}
