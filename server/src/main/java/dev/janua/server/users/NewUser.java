package dev.janua.server.users;

import java.util.Map;

/** What is needed to create an account; the password arrives already hashed. */
public record NewUser(String email, String passwordHash, String firstName, String lastName, String username,
                      Map<String, Object> metadata, boolean emailVerified, boolean admin) {}
