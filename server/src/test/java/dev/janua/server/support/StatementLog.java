package dev.janua.server.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL of every statement the server prepares, so tests can count queries (N+1 checks).
 * Background workers run too, so count statements that name the tables under test, not all of them.
 */
public final class StatementLog implements BeanPostProcessor {
    private final List<Prepared> statements = new CopyOnWriteArrayList<>();

    private record Prepared(Thread thread, String sql) {}

    public void clear() {
        statements.clear();
    }

    /** Statements recorded since {@link #clear()} whose SQL contains {@code fragment} (case-insensitive). */
    public long count(String fragment) {
        String f = fragment.toLowerCase(java.util.Locale.ROOT);
        return statements.stream().filter(s -> s.sql().toLowerCase(java.util.Locale.ROOT).contains(f)).count();
    }

    /** As {@link #count(String)}, only the statements prepared on {@code thread} (its transaction's, not the workers'). */
    public long count(String fragment, Thread thread) {
        String f = fragment.toLowerCase(java.util.Locale.ROOT);
        return statements.stream().filter(s -> s.thread() == thread && s.sql().toLowerCase(java.util.Locale.ROOT).contains(f)).count();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource ds) || bean instanceof DelegatingDataSource) return bean;
        return new DelegatingDataSource(ds) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return wrap(super.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws java.sql.SQLException {
                return wrap(super.getConnection(user, password));
            }
        };
    }

    private Connection wrap(Connection c) {
        InvocationHandler h = (proxy, method, args) -> {
            String m = method.getName();
            if ((m.equals("prepareStatement") || m.equals("prepareCall")) && args != null && args[0] instanceof String sql) {
                statements.add(new Prepared(Thread.currentThread(), sql));
            }
            try {
                return method.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }
}
