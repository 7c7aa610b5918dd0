package dev.janua.sdk;

/** An organization to create or the changes to one. */
public final class OrganizationParams extends Params<OrganizationParams> {
    public static OrganizationParams builder() { return new OrganizationParams(); }

    public OrganizationParams name(String value) { return set("name", value); }
    public OrganizationParams slug(String value) { return set("slug", value); }
    public OrganizationParams description(String value) { return set("description", value); }
    public OrganizationParams domain(String value) { return set("domain", value); }
    public OrganizationParams logoUrl(String value) { return set("logoUrl", value); }
    public OrganizationParams billingEmail(String value) { return set("billingEmail", value); }
    public OrganizationParams settings(java.util.Map<String, Object> value) { return set("settings", value); }
    public OrganizationParams ownerId(String value) { return set("ownerId", value); }
}
