package dev.janua.server.platform.persistence.h2;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database's data source gets {@link GroupCommitDataSource}; PostgreSQL's is left alone (its
 * write-ahead log already groups commits). Two counters on {@code /metrics} say how many commits one write
 * served.
 */
@Configuration(proxyBeanMethods = false)
public class H2GroupCommitConfig {

    @Bean
    static BeanPostProcessor h2GroupCommit(Environment env) {
        boolean h2 = env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return h2 && name.equals("dataSource") && bean instanceof DataSource ds ? new GroupCommitDataSource(ds) : bean;
            }
        };
    }

    @Bean
    MeterBinder h2GroupCommitMeters(DataSource dataSource) {
        return registry -> {
            GroupCommitDataSource groupCommitting = unwrapped(dataSource);
            if (groupCommitting == null) return;
            FunctionCounter.builder("janua.h2.commits.written", groupCommitting, d -> d.groupCommit() == null ? 0 : d.groupCommit().commits())
                    .description("Commits of the embedded H2 database that waited for their write (group commit)").register(registry);
            FunctionCounter.builder("janua.h2.writes", groupCommitting, d -> d.groupCommit() == null ? 0 : d.groupCommit().writes())
                    .description("Writes of the embedded H2 database's store made for those commits").register(registry);
        };
    }

    private static GroupCommitDataSource unwrapped(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(GroupCommitDataSource.class) ? dataSource.unwrap(GroupCommitDataSource.class) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }
}
