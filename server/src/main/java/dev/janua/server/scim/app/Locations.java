package dev.janua.server.scim.app;

import dev.janua.server.platform.web.PublicUrl;
import org.springframework.stereotype.Component;

/** Canonical resource URLs (meta.location, member $ref): the public base URL under /api/v1/scim/v2. */
@Component
public class Locations {
    public static final String PATH = "/api/v1/scim/v2";
    private final PublicUrl publicUrl;

    public Locations(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String base() {
        return publicUrl.base() + PATH;
    }

    public String users() {
        return base() + "/Users";
    }

    public String groups() {
        return base() + "/Groups";
    }
}
