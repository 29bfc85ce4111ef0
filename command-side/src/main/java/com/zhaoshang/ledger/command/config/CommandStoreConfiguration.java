package com.zhaoshang.ledger.command.config;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                .dataSource(dataSource)
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
}
