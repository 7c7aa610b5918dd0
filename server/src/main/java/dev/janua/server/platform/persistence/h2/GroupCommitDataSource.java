package dev.janua.server.platform.persistence.h2;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.io.PrintWriter;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The embedded H2 database's connections, each commit that changed data followed by {@link GroupCommit}'s
 * wait for the write. Two kinds of commit are seen: {@link Connection#commit()} (and
 * {@code setAutoCommit(true)} with changes pending) when the transaction had changes, and a statement run
 * in auto-commit mode that changed data or schema (H2's modification counters moved while it ran; another
 * connection's change moving them too only costs a wait, never a lost write).
 *
 * <p>When H2 writes every commit itself ({@code WRITE_DELAY=0}), is in memory, or the session is remote,
 * connections are handed out unchanged.
 *
 * <p>Not a Spring {@code DelegatingDataSource}: the tests' statement log wraps data sources that are not
 * one, and must still see every statement whichever of the two wraps the other.
 */
public final class GroupCommitDataSource implements DataSource {
    /** The connection proxy's constructor, looked up once rather than on every connection handed out. */
    private static final Constructor<?> CONNECTION_PROXY;

    static {
        try {
            CONNECTION_PROXY = Proxy.newProxyInstance(GroupCommitDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> null).getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DataSource target;
    private volatile GroupCommit groupCommit;
    private volatile boolean passThrough;

    public GroupCommitDataSource(DataSource target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || type.isInstance(target) || target.isWrapperFor(type);
    }

    /** Null until the first connection, and when H2 writes every commit itself. */
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    private Connection wrap(Connection c) throws SQLException {
        if (passThrough) return c;
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) return c;
        GroupCommit group = groupCommit != null ? groupCommit : groupCommitOf(session.getDatabase());
        if (group == null) return c;
        try {
            return (Connection) CONNECTION_PROXY.newInstance(new Committing(c, session, group));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized GroupCommit groupCommitOf(Database database) {
        if (groupCommit != null || passThrough) return groupCommit;
        MVStore store = database.isPersistent() ? database.getStore().getMvStore() : null;
        if (store == null || store.getAutoCommitDelay() == 0) {
            passThrough = true;
            return null;
        }
        groupCommit = new GroupCommit(store::commit);
        return groupCommit;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** H2's counters of data and schema changes; any change to either moves their sum. */
    private static long modifications(Database db) {
        return db.getModificationDataId() + db.getModificationMetaId();
    }

    private record Committing(Connection target, SessionLocal session, GroupCommit group) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    boolean changed = session.hasPendingTransaction();
                    target.commit();
                    if (changed) group.awaitWritten();
                    return null;
                }
                case "setAutoCommit" -> {
                    boolean committing = (Boolean) args[0] && !target.getAutoCommit() && session.hasPendingTransaction();
                    target.setAutoCommit((Boolean) args[0]);
                    if (committing) group.awaitWritten();
                    return null;
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Object statement = call(target, method, args);
                    return target.getAutoCommit() ? autoCommitting(statement, method.getReturnType(), (Connection) proxy) : statement;
                }
                case "isWrapperFor" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
                }
                case "unwrap" -> {
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    return call(target, method, args);
                }
            }
        }

        private Object autoCommitting(Object statement, Class<?> type, Connection connectionProxy) {
            Class<?> api = type == CallableStatement.class ? CallableStatement.class
                    : type == PreparedStatement.class ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(GroupCommitDataSource.class.getClassLoader(), new Class<?>[] {api},
                    new AutoCommitting(statement, this, connectionProxy));
        }
    }

    /** A statement made in auto-commit mode: each execution that changed something is a commit. */
    private record AutoCommitting(Object target, Committing connection, Connection connectionProxy) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) return connectionProxy; // not the unwrapped connection
            if (!name.startsWith("execute")) return name.equals("equals") ? proxy == args[0] : call(target, method, args);
            Database db = connection.session().getDatabase();
            long before = modifications(db);
            Object result = call(target, method, args);
            if (modifications(db) != before && connection.target().getAutoCommit()) connection.group().awaitWritten();
            return result;
        }
    }
}
