package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A user as the user sees themselves ({@code UserView}). */
public class User extends JanuaObject {
    public User(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String email() { return text("email"); }
    public String username() { return text("username"); }
    public String firstName() { return text("firstName"); }
    public String lastName() { return text("lastName"); }
    public String phoneNumber() { return text("phoneNumber"); }
    public boolean phoneVerified() { return flag("phoneVerified"); }
    public String profileImageUrl() { return text("profileImageUrl"); }
    public String bio() { return text("bio"); }
    public String timezone() { return text("timezone"); }
    public String locale() { return text("locale"); }
    public Map<String, Object> metadata() { return map("metadata"); }
    public boolean emailVerified() { return flag("emailVerified"); }
    public boolean mfaEnabled() { return flag("mfaEnabled"); }
    public boolean isAdmin() { return flag("isAdmin"); }
    public String status() { return text("status"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant updatedAt() { return instant("updatedAt"); }
    public Instant lastSignInAt() { return instant("lastSignInAt"); }
}
