package com.zhaoshang.ledger.query.audit.bench;

import com.zhaoshang.ledger.api.audit.CheckpointSignature;
import com.zhaoshang.ledger.api.audit.EventChainHash;
import com.zhaoshang.ledger.query.audit.IntegrityReport;
import com.zhaoshang.ledger.query.audit.IntegrityVerifier;
import com.zhaoshang.ledger.testsupport.TestPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * How fast the integrity check runs (docs/AUDIT.md, "Speed"). Not a unit test: run it by hand, it prints.
 * <pre>
 * ./mvnw -B -q -pl query-side -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp query-side/target/test-classes:query-side/target/classes:$(cat query-side/cp.txt) \
 *   com.zhaoshang.ledger.query.audit.bench.VerificationBenchmark [events=200000] [streams=20000] [runs=3]
 * </pre>
 * Fills a fresh database ({@link TestPostgres}: TEST_DATABASE_URL, Docker or embedded) with chained and sealed
 * events of realistic size (a ~450-byte JSON payload, actor metadata), then verifies it {@code runs} times.
 */
public final class VerificationBenchmark {

    private static final String KEY = "benchmark-key";

    private VerificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int streams = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        TestPostgres.Database db = TestPostgres.newDatabase("verifybench");
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Connection connection = DriverManager.getConnection(url, db.username(), db.password())) {
            createStore(connection);
            long fillStart = System.nanoTime();
            fill(connection, events, streams);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf("filled %d chained and sealed events in %d streams in %.1f s (%s)%n",
                    events, streams, fillSeconds, TestPostgres.provider());
            try (Statement s = connection.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            IntegrityVerifier verifier = new IntegrityVerifier(KEY);
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                IntegrityReport report = verifier.verify(connection);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("run %d: verified %d events and %d seals in %.2f s = %.0f events/s, ok=%s, checkpoint=%s%n",
                        run, report.checkedEvents(), report.sealedEvents(), seconds,
                        report.checkedEvents() / seconds, report.ok(), report.checkpoint().signature());
            }
        }
        System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    private static void createStore(Connection connection) throws IOException, SQLException {
        for (String script : new String[] {"/eventstore/axon-event-tables.sql", "/audit/event-chain-tables.sql"}) {
            try (InputStream in = VerificationBenchmark.class.getResourceAsStream(script);
                 Statement s = connection.createStatement()) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static void fill(Connection connection, int events, int streams) throws SQLException {
        connection.setAutoCommit(false);
        EventChainHash hasher = new EventChainHash();
        byte[][] lastHash = new byte[streams][];
        long[] nextSequence = new long[streams];
        byte[] previousSeal = EventChainHash.GENESIS;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (PreparedStatement event = connection.prepareStatement("""
                INSERT INTO domainevententry (globalindex, eventidentifier, aggregateidentifier, sequencenumber, type,
                    timestamp, payloadtype, payloadrevision, payload, metadata) VALUES (?,?,?,?,?,?,?,?,?,?)""");
             PreparedStatement chain = connection.prepareStatement("""
                     INSERT INTO event_chain (aggregate_identifier, sequence_number, event_identifier, global_index,
                                              prev_hash, hash)
                     VALUES (?,?,?,?,?,?)""");
             PreparedStatement seal = connection.prepareStatement(
                     "INSERT INTO event_seal (global_index, hash_of_event, seal_hash) VALUES (?,?,?)")) {
            for (int i = 1; i <= events; i++) {
                int stream = (int) ((i * 7919L) % streams);
                String aggregate = "00000000-0000-4000-8000-" + String.format("%012d", stream);
                long sequence = nextSequence[stream]++;
                String id = UUID.nameUUIDFromBytes(("event-" + i).getBytes(StandardCharsets.UTF_8)).toString();
                String timestamp = t0.plusMillis(i * 250L).toString();
                String type = "com.zhaoshang.ledger.api.project.CapitalArrivedEvent";
                byte[] payload = ("{\"projectId\":\"" + aggregate + "\",\"arrivalId\":\"" + id
                        + "\",\"amount\":{\"amount\":\"" + (1000 + i % 90000) + ".50\",\"currency\":\"CNY\"},"
                        + "\"payer\":\"江西某某新能源科技有限公司\",\"evidence\":[{\"kind\":\"BANK_RECEIPT\","
                        + "\"reference\":\"BR-" + i + "\",\"fileSha256\":\"" + "ab".repeat(32) + "\"}],"
                        + "\"occurredOn\":\"2026-01-15\",\"note\":\"第一期到资\"}").getBytes(StandardCharsets.UTF_8);
                byte[] metaData = ("{\"correlationId\":\"" + id + "\",\"role\":\"FRONT_OFFICE\",\"traceId\":\"" + id
                        + "\",\"unitId\":\"360802\",\"userId\":\"front-" + (stream % 50) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] previous = lastHash[stream] == null ? EventChainHash.GENESIS : lastHash[stream];
                byte[] hash = hasher.eventHash(aggregate, sequence, "Project", id, type, "1", payload, metaData,
                        timestamp, previous);
                lastHash[stream] = hash;
                event.setLong(1, i);
                event.setString(2, id);
                event.setString(3, aggregate);
                event.setLong(4, sequence);
                event.setString(5, "Project");
                event.setString(6, timestamp);
                event.setString(7, type);
                event.setString(8, "1");
                event.setBytes(9, payload);
                event.setBytes(10, metaData);
                event.addBatch();
                chain.setString(1, aggregate);
                chain.setLong(2, sequence);
                chain.setString(3, id);
                chain.setLong(4, i);
                chain.setBytes(5, previous);
                chain.setBytes(6, hash);
                chain.addBatch();
                previousSeal = hasher.sealHash(i, hash, previousSeal);
                seal.setLong(1, i);
                seal.setBytes(2, hash);
                seal.setBytes(3, previousSeal);
                seal.addBatch();
                if (i % 2_000 == 0 || i == events) {
                    event.executeBatch();
                    chain.executeBatch();
                    seal.executeBatch();
                    connection.commit();
                }
            }
        }
        String createdAt = t0.plusMillis(events * 250L + 60_000).toString();
        try (PreparedStatement checkpoint = connection.prepareStatement("""
                INSERT INTO audit_checkpoint (sealed_count, head_global_index, head_seal_hash, created_at, signature)
                VALUES (?,?,?,?,?)""")) {
            checkpoint.setLong(1, events);
            checkpoint.setLong(2, events);
            checkpoint.setBytes(3, previousSeal);
            checkpoint.setString(4, createdAt);
            checkpoint.setString(5, CheckpointSignature.sign(KEY,
                    EventChainHash.checkpointText(events, events, previousSeal, createdAt)));
            checkpoint.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}
