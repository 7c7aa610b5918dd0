package dev.janua.server.themes.persistence;

import dev.janua.server.platform.cache.DatabaseVendor;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.themes.Theme;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of hosted-page themes, keyed by owner (an organization or an application id). */
@Repository
public class JdbcThemes {
    private static final String COLUMNS = "owner_id, brand_color, background_color, text_color, radius_px, logo_url, font_stack";
    private final JdbcClient jdbc;
    private final String upsert;

    public JdbcThemes(JdbcClient jdbc, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        // one statement, so two first saves at once cannot collide on the key (a caught duplicate-key
        // error would abort the whole transaction on PostgreSQL): the last write wins, as for any PUT
        this.upsert = vendor.postgres()
                ? "INSERT INTO hosted_themes (" + COLUMNS + ", updated_at) VALUES (:o, :b, :bg, :t, :r, :l, :f, :now) "
                        + "ON CONFLICT (owner_id) DO UPDATE SET brand_color = EXCLUDED.brand_color, "
                        + "background_color = EXCLUDED.background_color, text_color = EXCLUDED.text_color, "
                        + "radius_px = EXCLUDED.radius_px, logo_url = EXCLUDED.logo_url, font_stack = EXCLUDED.font_stack, "
                        + "updated_at = EXCLUDED.updated_at"
                : "MERGE INTO hosted_themes (" + COLUMNS + ", updated_at) KEY (owner_id) VALUES (:o, :b, :bg, :t, :r, :l, :f, :now)";
    }

    public void save(String ownerId, Theme t, Instant now) {
        jdbc.sql(upsert).params(values(ownerId, t, now)).update();
    }

    public boolean delete(String ownerId) {
        return jdbc.sql("DELETE FROM hosted_themes WHERE owner_id = :o").param("o", ownerId).update() == 1;
    }

    public Optional<Theme> find(String ownerId) {
        return findAll(List.of(ownerId)).values().stream().findFirst();
    }

    /** The stored themes of these owners, by owner id (one query for a whole resolution chain). */
    public Map<String, Theme> findAll(List<String> ownerIds) {
        if (ownerIds.isEmpty()) return Map.of();
        record Row(String owner, Theme theme) {}
        return jdbc.sql("SELECT " + COLUMNS + " FROM hosted_themes WHERE owner_id IN (:o)").param("o", ownerIds)
                .query((rs, i) -> new Row(rs.getString("owner_id"), new Theme(rs.getString("brand_color"),
                        rs.getString("background_color"), rs.getString("text_color"), (Integer) rs.getObject("radius_px", Integer.class),
                        rs.getString("logo_url"), rs.getString("font_stack"))))
                .list().stream().collect(Collectors.toMap(Row::owner, Row::theme, (a, b) -> a));
    }

    private static Map<String, Object> values(String ownerId, Theme t, Instant now) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("o", ownerId);
        m.put("b", t.brandColor());
        m.put("bg", t.backgroundColor());
        m.put("t", t.textColor());
        m.put("r", t.radius());
        m.put("l", t.logoUrl());
        m.put("f", t.fontStack());
        m.put("now", Sql.ts(now));
        return m;
    }
}
