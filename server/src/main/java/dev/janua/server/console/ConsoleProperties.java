package dev.janua.server.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.console.*} ({@code JANUA_CONSOLE_*}). With {@code requireMfa} the console opens only
 * for a browser session whose sign-in included a second factor ({@code amr} holds {@code mfa}).
 */
@ConfigurationProperties("janua.console")
public record ConsoleProperties(@DefaultValue("false") boolean requireMfa) {}
