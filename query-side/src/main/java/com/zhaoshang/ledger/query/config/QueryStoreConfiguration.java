package com.zhaoshang.ledger.query.config;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The query side's tables (projections and tracking tokens) are migrated by their own Flyway location and history
 * table. Event handlers never skip an event: a failing one is propagated, the processor releases the segment
 * and retries it.
 */
@Configuration(proxyBeanMethods = false)
public class QueryStoreConfiguration {

    @Bean(initMethod = "migrate")
    public Flyway querySideFlyway(DataSource dataSource,
                                  @Value("${ledger.query.flyway.schema:public}") String schema) {
        return Flyway.configure()
                .dataSource(migrationDataSource(dataSource))
                .locations("classpath:db/query")
                .table("flyway_history_query")
                .schemas(schema)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    @Autowired
    public void neverSkipFailedEvents(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Flyway's own connections, outside the pool: the pool's connections may start with the command side's
     * {@code statement_timeout} and {@code idle_in_transaction_session_timeout} (15 s), and a migration that fills a
     * new table from a large store runs longer than that while Flyway's history connection waits in its
     * transaction. A plain connection to the same URL has PostgreSQL's own settings.
     */
    static DataSource migrationDataSource(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            return new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource;
    }
}
