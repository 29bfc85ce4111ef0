package com.zhaoshang.ledger.command.audit;

import com.zhaoshang.ledger.api.audit.EventChainHash;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;

/**
 * Axon's JDBC storage engine that binds every appended event into its stream's hash chain: after the events are
 * inserted, one {@code event_chain} row per event is inserted on the same connection, in the same transaction.
 * <p>
 * The previous event of the stream needs no lock: the unique (aggregate, sequence) key of the event table already
 * pins it (a concurrent append of the same sequence fails as a {@code ConcurrencyException} before its chain row is
 * written). The hash covers the very bytes stored in the row (see {@link EventChainHash} and docs/AUDIT.md).
 * Reading is Axon's, unchanged.
 */
public class ChainingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private static final String CHAIN_INSERT = "INSERT INTO event_chain "
            + "(aggregate_identifier, sequence_number, event_identifier, global_index, prev_hash, hash) VALUES (?,?,?,?,?,?)";
    private static final String PREDECESSOR = "SELECT hash FROM event_chain "
            + "WHERE aggregate_identifier = ? AND sequence_number = ?";

    private final TransactionManager transactionManager;
    private final EventSchema schema;
    private final ThreadLocal<EventChainHash> hashes = ThreadLocal.withInitial(EventChainHash::new);

    /**
     * @param builder            Axon's builder, fully configured (connection provider, transaction manager, schema,
     *                           serializers, upcasters, snapshot filter, persistence exception resolver)
     * @param transactionManager the same transaction manager as given to the builder
     * @param schema             the same schema as given to the builder
     */
    public ChainingJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder,
                                          TransactionManager transactionManager, EventSchema schema) {
        super(builder);
        this.transactionManager = transactionManager;
        this.schema = schema;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                List<StoredEvent> stored = serialize(events, serializer);
                long[] globalIndexes = insertEvents(connection, stored);
                insertChain(connection, stored, globalIndexes);
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                closeQuietly(connection);
            }
        });
    }

    /** One event exactly as its row will hold it. */
    private record StoredEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                               String type, String timestamp, String payloadType, String payloadRevision,
                               byte[] payload, byte[] metaData) {
    }

    private static List<StoredEvent> serialize(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            stored.add(new StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), formatInstant(event.getTimestamp()),
                    payload.getType().getName(), payload.getType().getRevision(),
                    payload.getData(), metaData.getData()));
        }
        return stored;
    }

    /** As Axon's own statement does: a plain event is stored as the first event of a stream named by its id. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /** Inserts the events as Axon's own statement does; returns the global index each was given. */
    private long[] insertEvents(Connection connection, List<StoredEvent> stored) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " ("
                + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.typeColumn(), schema.timestampColumn(),
                schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                schema.metaDataColumn())
                + ") VALUES (?,?,?,?,?,?,?,?,?)";
        // PostgreSQL folds the unquoted column names of the table to lower case; the driver quotes what it returns.
        String[] generated = {schema.globalIndexColumn().toLowerCase(Locale.ROOT)};
        try (PreparedStatement statement = connection.prepareStatement(sql, generated)) {
            for (StoredEvent event : stored) {
                statement.setString(1, event.eventIdentifier());
                statement.setString(2, event.aggregateIdentifier());
                statement.setLong(3, event.sequenceNumber());
                statement.setString(4, event.type());
                statement.setString(5, event.timestamp());
                statement.setString(6, event.payloadType());
                statement.setString(7, event.payloadRevision());
                statement.setBytes(8, event.payload());
                statement.setBytes(9, event.metaData());
                statement.addBatch();
            }
            statement.executeBatch();
            long[] globalIndexes = new long[stored.size()];
            try (ResultSet keys = statement.getGeneratedKeys()) {
                for (int i = 0; i < globalIndexes.length; i++) {
                    if (!keys.next()) {
                        throw new EventStoreException("the database returned no global index for event "
                                + stored.get(i).eventIdentifier());
                    }
                    globalIndexes[i] = keys.getLong(1);
                }
            }
            return globalIndexes;
        }
    }

    private void insertChain(Connection connection, List<StoredEvent> stored, long[] globalIndexes) throws SQLException {
        EventChainHash hash = hashes.get();
        Map<String, byte[]> lastHashInBatch = new HashMap<>();
        Map<String, Long> lastSequenceInBatch = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(CHAIN_INSERT)) {
            for (int i = 0; i < stored.size(); i++) {
                StoredEvent event = stored.get(i);
                byte[] previous = previousHash(connection, event, lastHashInBatch, lastSequenceInBatch);
                byte[] eventHash = hash.eventHash(event.aggregateIdentifier(), event.sequenceNumber(), event.type(),
                        event.eventIdentifier(), event.payloadType(), event.payloadRevision(), event.payload(),
                        event.metaData(), event.timestamp(), previous);
                statement.setString(1, event.aggregateIdentifier());
                statement.setLong(2, event.sequenceNumber());
                statement.setString(3, event.eventIdentifier());
                statement.setLong(4, globalIndexes[i]);
                statement.setBytes(5, previous);
                statement.setBytes(6, eventHash);
                statement.addBatch();
                lastHashInBatch.put(event.aggregateIdentifier(), eventHash);
                lastSequenceInBatch.put(event.aggregateIdentifier(), event.sequenceNumber());
            }
            statement.executeBatch();
        }
    }

    private static byte[] previousHash(Connection connection, StoredEvent event, Map<String, byte[]> lastHashInBatch,
                                       Map<String, Long> lastSequenceInBatch) throws SQLException {
        if (event.sequenceNumber() == 0) {
            return EventChainHash.GENESIS;
        }
        Long batchSequence = lastSequenceInBatch.get(event.aggregateIdentifier());
        if (batchSequence != null && batchSequence == event.sequenceNumber() - 1) {
            return lastHashInBatch.get(event.aggregateIdentifier());
        }
        try (PreparedStatement query = connection.prepareStatement(PREDECESSOR)) {
            query.setString(1, event.aggregateIdentifier());
            query.setLong(2, event.sequenceNumber() - 1);
            try (ResultSet result = query.executeQuery()) {
                if (result.next()) {
                    return result.getBytes(1);
                }
            }
        }
        throw new EventStoreException("refusing to append event " + event.eventIdentifier() + " (sequence "
                + event.sequenceNumber() + " of " + event.aggregateIdentifier()
                + "): its predecessor has no chain record, the stream's hash chain is broken");
    }
}
