package com.zhaoshang.ledger.command.audit;

import com.zhaoshang.ledger.command.config.SnapshotConfiguration.SnapshotSerialization;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's event storage engine: Axon's JDBC engine with the same settings as Axon's
 * {@code JdbcAutoConfiguration} would give it, plus the per-stream hash chain, and a persistence exception resolver
 * that knows PostgreSQL's unique violation (so a lost race is a {@code ConcurrencyException}). Axon's auto-configuration backs off
 * when this bean exists; in the single-process mode the query side's processors read through this same engine
 * (reading is unchanged), in the split mode the query side gets Axon's default engine on the same tables.
 * Events are fetched {@code ledger.command.events.fetch-batch-size} (1000) per query, not Axon's 100: in the
 * single-process mode a view's catch-up or rebuild reads the store through this engine.
 */
@Configuration(proxyBeanMethods = false)
public class AuditStoreConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(SnapshotSerialization snapshots,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${ledger.command.events.fetch-batch-size:1000}") int fetchBatchSize) {
        EventSchema schema = new EventSchema();
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshots.serializer())
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new UniqueViolationResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .batchSize(fetchBatchSize);
        return new ChainingJdbcEventStorageEngine(builder, transactionManager, schema);
    }
}
