package com.zhaoshang.ledger.query.audit;

import com.zhaoshang.ledger.api.audit.CheckpointSignature;
import com.zhaoshang.ledger.api.audit.EventChainHash;
import com.zhaoshang.ledger.testsupport.TestPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events the way the command side's engine and sealer do (same tables, same canonical forms from
 * shared-events), so the query side's verifier and history can be tested without the command side.
 */
final class ChainedEventFixture {

    static final String KEY = "test-checkpoint-key";
    static final List<String> COMMAND_STORE_SCRIPTS =
            List.of("/eventstore/axon-event-tables.sql", "/audit/event-chain-tables.sql");

    /** One event to store. */
    record NewEvent(String aggregate, String payloadType, String payloadJson, String userId, String role,
                    String unitId, Instant recordedAt) {
    }

    private final Connection connection;
    private final EventChainHash hasher = new EventChainHash();
    private final Map<String, long[]> sequences = new HashMap<>();
    private final Map<String, byte[]> lastHashes = new HashMap<>();

    ChainedEventFixture(Connection connection) {
        this.connection = connection;
    }

    static Connection connect(TestPostgres.Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    /** Creates the command side's tables (test copies of its migrations V1 and V20) in a fresh database. */
    static void createCommandStore(TestPostgres.Database db) {
        for (String script : COMMAND_STORE_SCRIPTS) {
            try (Connection c = connect(db); Statement s = c.createStatement();
                 InputStream in = ChainedEventFixture.class.getResourceAsStream(script)) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("could not create the command store with " + script, e);
            }
        }
    }

    void clear() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE domainevententry, event_chain, event_seal, audit_checkpoint RESTART IDENTITY");
        }
        sequences.clear();
        lastHashes.clear();
    }

    static NewEvent event(String aggregate, String type, String payloadJson, String userId, String unitId,
                          Instant recordedAt) {
        return new NewEvent(aggregate, type, payloadJson, userId, "FRONT_OFFICE", unitId, recordedAt);
    }

    /** Appends the events (chained in their streams), returns their global indexes. */
    List<Long> append(List<NewEvent> events) throws SQLException {
        List<Long> indexes = new ArrayList<>(events.size());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                                              payloadtype, payloadrevision, payload, metadata)
                VALUES (?,?,?,?,?,?,?,?,?) RETURNING globalindex""");
             PreparedStatement chain = connection.prepareStatement("""
                     INSERT INTO event_chain (aggregate_identifier, sequence_number, event_identifier, global_index,
                                              prev_hash, hash)
                     VALUES (?,?,?,?,?,?)""")) {
            for (NewEvent e : events) {
                long sequence = sequences.computeIfAbsent(e.aggregate(), a -> new long[] {-1})[0] + 1;
                sequences.get(e.aggregate())[0] = sequence;
                String id = UUID.randomUUID().toString();
                byte[] payload = e.payloadJson().getBytes(StandardCharsets.UTF_8);
                byte[] metaData = ("{\"role\":\"" + e.role() + "\",\"unitId\":\"" + e.unitId() + "\",\"userId\":\""
                        + e.userId() + "\"}").getBytes(StandardCharsets.UTF_8);
                String timestamp = e.recordedAt().toString();
                byte[] previous = lastHashes.getOrDefault(e.aggregate(), EventChainHash.GENESIS);
                byte[] hash = hasher.eventHash(e.aggregate(), sequence, "Project", id, e.payloadType(), "1",
                        payload, metaData, timestamp, previous);
                insert.setString(1, id);
                insert.setString(2, e.aggregate());
                insert.setLong(3, sequence);
                insert.setString(4, "Project");
                insert.setString(5, timestamp);
                insert.setString(6, e.payloadType());
                insert.setString(7, "1");
                insert.setBytes(8, payload);
                insert.setBytes(9, metaData);
                try (ResultSet r = insert.executeQuery()) {
                    r.next();
                    indexes.add(r.getLong(1));
                }
                chain.setString(1, e.aggregate());
                chain.setLong(2, sequence);
                chain.setString(3, id);
                chain.setLong(4, indexes.get(indexes.size() - 1));
                chain.setBytes(5, previous);
                chain.setBytes(6, hash);
                chain.addBatch();
                lastHashes.put(e.aggregate(), hash);
            }
            chain.executeBatch();
        }
        return indexes;
    }

    /** Seals every unsealed event in global order and writes a checkpoint signed with {@link #KEY}. */
    void seal(Instant at) throws SQLException {
        long headIndex = 0;
        long count = 0;
        byte[] previous = EventChainHash.GENESIS;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT sealed_count, head_global_index, head_seal_hash FROM audit_checkpoint ORDER BY id DESC LIMIT 1")) {
            if (r.next()) {
                count = r.getLong(1);
                headIndex = r.getLong(2);
                previous = r.getBytes(3);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT d.globalindex, c.hash FROM domainevententry d
                JOIN event_chain c ON c.global_index = d.globalindex
                WHERE d.globalindex > ? ORDER BY d.globalindex""");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO event_seal (global_index, hash_of_event, seal_hash) VALUES (?,?,?)")) {
            select.setLong(1, headIndex);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    long index = r.getLong(1);
                    byte[] seal = hasher.sealHash(index, r.getBytes(2), previous);
                    insert.setLong(1, index);
                    insert.setBytes(2, r.getBytes(2));
                    insert.setBytes(3, seal);
                    insert.addBatch();
                    previous = seal;
                    headIndex = index;
                    count++;
                }
            }
            insert.executeBatch();
        }
        String createdAt = at.toString();
        try (PreparedStatement checkpoint = connection.prepareStatement("""
                INSERT INTO audit_checkpoint (sealed_count, head_global_index, head_seal_hash, created_at, signature)
                VALUES (?,?,?,?,?)""")) {
            checkpoint.setLong(1, count);
            checkpoint.setLong(2, headIndex);
            checkpoint.setBytes(3, previous);
            checkpoint.setString(4, createdAt);
            checkpoint.setString(5, CheckpointSignature.sign(KEY,
                    EventChainHash.checkpointText(count, headIndex, previous, createdAt)));
            checkpoint.executeUpdate();
        }
    }

    void sql(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
