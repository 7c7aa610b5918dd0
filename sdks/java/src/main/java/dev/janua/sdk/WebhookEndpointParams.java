package dev.janua.sdk;

/** A webhook endpoint to create, or the changes to one. */
public final class WebhookEndpointParams extends Params<WebhookEndpointParams> {
    public static WebhookEndpointParams builder() { return new WebhookEndpointParams(); }

    public WebhookEndpointParams url(String value) { return set("url", value); }
    public WebhookEndpointParams events(java.util.List<String> value) { return set("events", value == null ? null : java.util.List.copyOf(value)); }
    public WebhookEndpointParams events(String... values) { return set("events", java.util.List.of(values)); }
    public WebhookEndpointParams secret(String value) { return set("secret", value); }
    public WebhookEndpointParams active(Boolean value) { return set("active", value); }
    public WebhookEndpointParams description(String value) { return set("description", value); }
    public WebhookEndpointParams organizationId(String value) { return set("organizationId", value); }
}
