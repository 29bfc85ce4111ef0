package com.zhaoshang.ledger.query.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                .dataSource(dataSource)
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
}
