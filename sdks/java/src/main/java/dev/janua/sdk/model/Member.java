package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A member of an organization with the role and the permissions it grants. */
public class Member extends JanuaObject {
    public Member(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String userId() { return text("userId"); }
    public String organizationId() { return text("organizationId"); }
    public String email() { return text("email"); }
    public String firstName() { return text("firstName"); }
    public String lastName() { return text("lastName"); }
    public String status() { return text("status"); }
    public String role() { return text("role"); }
    public String roleId() { return text("roleId"); }
    public String roleName() { return text("roleName"); }
    public List<String> permissions() { return strings("permissions"); }
    public List<String> extraPermissions() { return strings("extraPermissions"); }
    public Instant joinedAt() { return instant("joinedAt"); }
}
