package com.zhaoshang.ledger.command.config;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The command side's tables (event store, snapshots, idempotency records, set-based checks, deadlines) are
 * migrated by their own Flyway location and history table, so either side can be deployed or rebuilt alone.
 */
@Configuration(proxyBeanMethods = false)
public class CommandStoreConfiguration {

    @Bean(initMethod = "migrate")
    public Flyway commandSideFlyway(DataSource dataSource,
                                    @Value("${ledger.command.flyway.schema:public}") String schema) {
        return Flyway.configure()
                .dataSource(migrationDataSource(dataSource))
                .locations("classpath:db/command")
                .table("flyway_history_command")
                .schemas(schema)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** Every decision reads this clock; a movable one replaces it in demo mode and tests. */
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
