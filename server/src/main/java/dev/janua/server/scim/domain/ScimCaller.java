package dev.janua.server.scim.domain;

import java.util.Objects;

/** Who is calling /scim/v2: a SCIM token, which reaches its organization and nothing else. */
public record ScimCaller(String tokenId, String organizationId) {
    public ScimCaller {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(organizationId, "organizationId");
    }
}
