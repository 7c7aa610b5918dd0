package dev.janua.server.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.dev-endpoints.*}: the development mailbox and SMS outbox hold every reset and
 * magic-link token, so they answer loopback clients only unless {@code remote-access} is set
 * ({@code JANUA_DEV_ENDPOINTS_REMOTE_ACCESS=true}: a development server in a container or VM).
 */
@ConfigurationProperties("janua.dev-endpoints")
public record DevEndpointsProperties(@DefaultValue("false") boolean remoteAccess) {}
