package dev.janua.server.users;

import java.util.Map;

/** A partial profile update: null fields are left as they are. */
public record ProfileChange(String firstName, String lastName, String username, String phoneNumber,
                            String profileImageUrl, String bio, String timezone, String locale,
                            Map<String, Object> metadata) {}
