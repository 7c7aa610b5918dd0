package dev.janua.server.themes.app;

import dev.janua.server.platform.cache.BoundedMaps;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.themes.Theme;
import dev.janua.server.themes.OwnedThemes;
import dev.janua.server.themes.ThemeOwners;
import dev.janua.server.themes.domain.ThemeCss;
import dev.janua.server.themes.domain.ThemeRules;
import dev.janua.server.themes.persistence.JdbcThemes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setting, reading and resolving hosted-page themes. Who may set an owner's theme is the
 * controller's decision (organization admins, application managers, platform admins); every change
 * writes its event ({@code theme.updated}, {@code theme.deleted}) in the same transaction.
 */
@Service
public class ThemeService implements OwnedThemes {
    private final JdbcThemes themes;
    private final ThemeOwners owners;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Distinct themes × selectors kept rendered (a few per application in practice). */
    private static final int RENDERED_MAX = 1000;
    private final ConcurrentHashMap<Rendering, Stylesheet> rendered = new ConcurrentHashMap<>();

    public ThemeService(JdbcThemes themes, ThemeOwners owners, EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.themes = themes;
        this.owners = owners;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The values a caller sends; null or blank means "inherit". */
    public record Fields(String brandColor, String backgroundColor, String textColor, Integer radius, String logoUrl,
                         String fontStack) {}

    /** Validates and stores {@code ownerId}'s theme (replacing it whole); 422 {@code THEME_INVALID} names the refused field. */
    public Theme set(String ownerId, Fields f, String actorId, ClientInfo client) {
        Theme theme;
        try {
            theme = ThemeRules.of(f.brandColor(), f.backgroundColor(), f.textColor(), f.radius(), f.logoUrl(), f.fontStack());
        } catch (ThemeRules.Violation v) {
            throw new JanuaException(ErrorCode.THEME_INVALID, Map.of("field", v.field(), "reason", v.reason()));
        }
        tx.executeWithoutResult(t -> {
            themes.save(ownerId, theme, clock.instant());
            events.publish(new DomainEvent("theme.updated", ownerId, actorId, owners.organizationOf(ownerId), summary(ownerId, theme)), client);
        });
        return theme;
    }

    /** Removes {@code ownerId}'s theme (its pages fall back to the next one); false when it had none. */
    public boolean delete(String ownerId, String actorId, ClientInfo client) {
        return Boolean.TRUE.equals(tx.execute(t -> {
            if (!themes.delete(ownerId)) return false;
            events.publish(new DomainEvent("theme.deleted", ownerId, actorId, owners.organizationOf(ownerId), Map.of("ownerId", ownerId)), client);
            return true;
        }));
    }

    @Override
    public void ownerDeleted(String ownerId) {
        themes.delete(ownerId);
    }

    /** The owner's own theme (empty values where it inherits). */
    public Theme get(String ownerId) {
        return themes.find(ownerId).orElse(Theme.EMPTY);
    }

    /** A sign-in's theme and the name of the application it is for. */
    public record Resolved(String applicationName, Theme theme) {}

    /**
     * The theme of a sign-in started by {@code clientId}: each value from the application's theme,
     * else its organization's, else none (the default stylesheet's). Empty for an unknown client.
     */
    public java.util.Optional<Resolved> forClient(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 100) return java.util.Optional.empty();
        return owners.ofClient(clientId).map(client -> {
            Map<String, Theme> stored = themes.findAll(client.owners());
            Theme resolved = Theme.EMPTY;
            for (String owner : new ArrayList<>(client.owners()).reversed()) {
                resolved = stored.getOrDefault(owner, Theme.EMPTY).over(resolved);
            }
            return new Resolved(client.name(), resolved);
        });
    }

    /** A theme's stylesheet and its version: the ETag of {@code /hosted/theme.css} and the {@code v=} of the pages' links to it. */
    public record Stylesheet(String css, String version) {}

    private record Rendering(Theme theme, String selector) {}

    /**
     * The stylesheet of {@code theme} on {@code selector}, rendered once per theme on this node: a page
     * view needs it twice (the page's link carries its version, then the browser fetches it), and a
     * rendering depends on nothing but its theme and selector.
     */
    public Stylesheet stylesheet(Theme theme, String selector) {
        Rendering key = new Rendering(theme, selector);
        Stylesheet known = rendered.get(key);
        if (known != null) return known;
        BoundedMaps.makeRoom(rendered, RENDERED_MAX);
        return rendered.computeIfAbsent(key, k -> {
            String css = ThemeCss.render(theme, selector);
            return new Stylesheet(css, Hashes.sha256Hex(css).substring(0, 32));
        });
    }

    private static Map<String, Object> summary(String ownerId, Theme t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ownerId", ownerId);
        if (t.brandColor() != null) m.put("brandColor", t.brandColor());
        if (t.backgroundColor() != null) m.put("backgroundColor", t.backgroundColor());
        if (t.textColor() != null) m.put("textColor", t.textColor());
        if (t.radius() != null) m.put("radius", t.radius());
        if (t.logoUrl() != null) m.put("logoUrl", t.logoUrl());
        if (t.fontStack() != null) m.put("fontStack", t.fontStack());
        return m;
    }
}
