package dev.janua.server.organizations;

import dev.janua.server.platform.security.Caller;

/**
 * Which organization a request is about when its path does not say: an explicit parameter, else
 * the {@code X-Organization-ID} header, else the organization of the calling API key. Null means
 * none (platform level).
 */
public final class ActiveOrganization {
    public static final String HEADER = "X-Organization-ID";

    private ActiveOrganization() {}

    public static String of(Caller caller, String explicit, String header) {
        if (explicit != null && !explicit.isBlank()) return explicit.trim();
        if (header != null && !header.isBlank()) return header.trim();
        return caller != null && caller.isApiKey() ? caller.apiKey().organizationId() : null;
    }
}
