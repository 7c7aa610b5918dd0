package dev.janua.server.platform.cache;

import com.zaxxer.hikari.HikariDataSource;
import dev.janua.server.platform.events.WorkNotices;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears other nodes' invalidations: one connection of its own (outside the pool, so it never starves
 * requests) that {@code LISTEN}s on {@link Invalidations#CHANNEL}. While it is not connected — before
 * the first connect, after a lost connection — the caches are off and every request reads the
 * database, so a change on another node can never be missed for longer than the loss takes to notice
 * (a heartbeat query every quiet second, with a 3 s network timeout).
 */
@Component
class PostgresInvalidationListener {
    private static final Logger log = LoggerFactory.getLogger(PostgresInvalidationListener.class);
    static final String APPLICATION_NAME = "janua-invalidation-listener";
    private static final int WAIT_MS = 1000;
    private static final int NETWORK_TIMEOUT_MS = 3000;

    private final Invalidations invalidations;
    private final WorkNotices notices;
    private final DataSource dataSource;
    private volatile boolean stopped;
    private volatile Thread thread;

    PostgresInvalidationListener(Invalidations invalidations, WorkNotices notices, DataSource dataSource) {
        this.invalidations = invalidations;
        this.notices = notices;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!invalidations.postgres() || thread != null) return;
        thread = Thread.ofPlatform().daemon().name("janua-invalidation-listener").start(this::run);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    private void run() {
        while (!stopped) {
            try (Connection c = connect()) {
                c.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MS);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + Invalidations.CHANNEL);
                    s.execute("LISTEN " + WorkNotices.CHANNEL);
                }
                invalidations.channel(true);
                notices.channel(true);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] heard = pg.getNotifications(WAIT_MS);
                    if (heard != null) for (PGNotification n : heard) {
                        if (WorkNotices.CHANNEL.equals(n.getName())) notices.heard(n.getParameter());
                        else invalidations.evictLocally(n.getParameter());
                    }
                    // getNotifications cannot tell a silent peer from a quiet channel: ask, so a dead link shows
                    if (heard == null || heard.length == 0) heartbeat(c);
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) return;
                invalidations.channel(false);
                notices.channel(false);
                log.warn("cache invalidation channel lost ({}); caches off until it is back", e.getMessage());
                sleep();
            }
        }
    }

    private static void heartbeat(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
    }

    private Connection connect() throws SQLException {
        // the pool itself, also when wrapped (tests wrap the DataSource to count statements)
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource h = dataSource.unwrap(HikariDataSource.class);
            Properties props = new Properties();
            if (h.getUsername() != null) props.setProperty("user", h.getUsername());
            if (h.getPassword() != null) props.setProperty("password", h.getPassword());
            props.setProperty("ApplicationName", APPLICATION_NAME); // so operators (and tests) can see it in pg_stat_activity
            return DriverManager.getConnection(h.getJdbcUrl(), props);
        }
        return dataSource.getConnection(); // not a Hikari pool: borrow one of its connections for good
    }

    private void sleep() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
