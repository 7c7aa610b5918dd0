package dev.janua.server.platform.persistence.migrations;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link SchemaMigrations} initialises the database, so every bean that uses it
 * (JdbcTemplate, JdbcClient, …) is created after the migration, as with Spring Boot's own Flyway initializer.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class SchemaMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigrations.class);
    }
}
