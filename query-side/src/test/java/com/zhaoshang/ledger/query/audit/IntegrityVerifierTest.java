package com.zhaoshang.ledger.query.audit;

import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.zhaoshang.ledger.query.audit.ChainedEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Tampering done directly in SQL, as an insider with database access would: each kind detected and located. */
class IntegrityVerifierTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("integrity");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static Connection connection;
    private static ChainedEventFixture fixture;

    private final IntegrityVerifier verifier = new IntegrityVerifier(ChainedEventFixture.KEY);
    /** Global indexes of the sample log, by project (p0, p1, p2) and sequence (0..3). */
    private long[][] index;

    @BeforeAll
    static void store() throws SQLException {
        ChainedEventFixture.createCommandStore(DB);
        connection = ChainedEventFixture.connect(DB);
        fixture = new ChainedEventFixture(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** Three projects of four facts each, interleaved, all sealed. */
    @BeforeEach
    void sampleLog() throws SQLException {
        fixture.clear();
        List<ChainedEventFixture.NewEvent> events = new ArrayList<>();
        for (int sequence = 0; sequence < 4; sequence++) {
            for (int project = 0; project < 3; project++) {
                events.add(event("p" + project, "com.example.CapitalArrivedEvent",
                        "{\"projectId\":\"p" + project + "\",\"amount\":\"100" + sequence + "\",\"occurredOn\":\"2026-02-0"
                                + (sequence + 1) + "\"}", "u" + project, "36080" + project,
                        T0.plusSeconds(sequence * 10L + project)));
            }
        }
        List<Long> indexes = fixture.append(events);
        index = new long[3][4];
        for (int i = 0; i < indexes.size(); i++) {
            index[i % 3][i / 3] = indexes.get(i);
        }
        fixture.seal(T0.plusSeconds(60));
    }

    private IntegrityReport verify() throws SQLException {
        return verifier.verify(connection);
    }

    @Test
    void anUntouchedLogVerifies() throws SQLException {
        IntegrityReport report = verify();

        assertThat(report.ok()).isTrue();
        assertThat(report.checkedEvents()).isEqualTo(12);
        assertThat(report.sealedEvents()).isEqualTo(12);
        assertThat(report.firstFailure()).isNull();
        assertThat(report.checkpoint().signature()).isEqualTo("VALID");
        assertThat(report.checkpoint().matches()).isTrue();
    }

    @Test
    void anAlteredPayloadIsDetectedAndLocated() throws SQLException {
        fixture.sql("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '1001', '9001'), 'UTF8')"
                + " WHERE globalindex = " + index[1][1]);

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstFailure().globalIndex()).isEqualTo(index[1][1]);
        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p1");
        assertThat(report.firstFailure().sequenceNumber()).isEqualTo(1L);
        assertThat(report.firstFailure().reason()).contains("altered");
    }

    @Test
    void alteredMetadataIsDetectedAndLocated() throws SQLException {
        fixture.sql("UPDATE domainevententry SET metadata = convert_to(replace(convert_from(metadata, 'UTF8'), 'u2', 'u9'), 'UTF8')"
                + " WHERE globalindex = " + index[2][3]);

        IntegrityReport report = verify();

        assertThat(report.firstFailure().globalIndex()).isEqualTo(index[2][3]);
        assertThat(report.firstFailure().reason()).contains("altered");
    }

    @Test
    void anAlteredPayloadWhoseStreamChainWasRecomputedIsCaughtByTheSeal() throws SQLException {
        fixture.sql("UPDATE domainevententry SET payload = convert_to('{\"projectId\":\"p0\",\"amount\":\"1\"}', 'UTF8')"
                + " WHERE globalindex = " + index[0][3]);
        rehashStreamTail("p0", 3);

        IntegrityReport report = verify();

        assertThat(report.firstFailure().globalIndex()).isEqualTo(index[0][3]);
        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p0");
        assertThat(report.firstFailure().reason()).contains("seal at this global index was made for another event");
    }

    @Test
    void aDeletedSealedRowIsDetectedAndLocated() throws SQLException {
        fixture.sql("DELETE FROM domainevententry WHERE globalindex = " + index[2][1]);

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstFailure().globalIndex()).isEqualTo(index[2][1]);
        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p2");
        assertThat(report.firstFailure().sequenceNumber()).isEqualTo(1L);
        assertThat(report.firstFailure().reason()).contains("event was deleted");
    }

    @Test
    void aDeletedRowNotYetSealedIsLocatedByItsChainRecord() throws SQLException {
        List<Long> later = fixture.append(List.of(
                event("p1", "com.example.NoteEvent", "{}", "u1", "360801", T0.plusSeconds(100)),
                event("p1", "com.example.NoteEvent", "{}", "u1", "360801", T0.plusSeconds(101))));
        fixture.sql("DELETE FROM domainevententry WHERE globalindex = " + later.get(0));

        IntegrityReport report = verify();

        assertThat(report.firstFailure().globalIndex()).isEqualTo(later.get(0));
        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p1");
        assertThat(report.firstFailure().sequenceNumber()).isEqualTo(4L);
        assertThat(report.firstFailure().reason()).contains("event was deleted");
        assertThat(report.failureCount()).isEqualTo(2);
    }

    @Test
    void aDeletedRowWithItsChainRecordIsLocatedByItsStreamsGap() throws SQLException {
        List<Long> later = fixture.append(List.of(
                event("p1", "com.example.NoteEvent", "{}", "u1", "360801", T0.plusSeconds(100)),
                event("p1", "com.example.NoteEvent", "{}", "u1", "360801", T0.plusSeconds(101))));
        fixture.sql("DELETE FROM domainevententry WHERE globalindex = " + later.get(0));
        fixture.sql("DELETE FROM event_chain WHERE global_index = " + later.get(0));

        IntegrityReport report = verify();

        assertThat(report.firstFailure().globalIndex()).isEqualTo(later.get(1));
        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p1");
        assertThat(report.firstFailure().sequenceNumber()).isEqualTo(4L);
        assertThat(report.firstFailure().reason()).contains("sequence 4 of the stream is missing");
    }

    @Test
    void aDeletedStreamTailWithItsChainRecordIsCaughtByTheSeals() throws SQLException {
        fixture.sql("DELETE FROM domainevententry WHERE globalindex = " + index[0][3]);
        fixture.sql("DELETE FROM event_chain WHERE aggregate_identifier = 'p0' AND sequence_number = 3");

        IntegrityReport report = verify();

        assertThat(report.firstFailure().globalIndex()).isEqualTo(index[0][3]);
        assertThat(report.firstFailure().reason()).contains("sealed event is missing");
    }

    @Test
    void rowsReorderedInTheGlobalOrderAreDetectedAndLocated() throws SQLException {
        long a = index[0][1];
        long b = index[2][2];
        fixture.sql("UPDATE domainevententry SET globalindex = -1 WHERE globalindex = " + a);
        fixture.sql("UPDATE domainevententry SET globalindex = " + a + " WHERE globalindex = " + b);
        fixture.sql("UPDATE domainevententry SET globalindex = " + b + " WHERE globalindex = -1");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.firstFailure().globalIndex()).isEqualTo(a);
        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p2");
        assertThat(report.firstFailure().reason()).contains("reordered");
    }

    @Test
    void rowsReorderedWithinAStreamAreDetectedAndLocated() throws SQLException {
        fixture.sql("UPDATE domainevententry SET sequencenumber = -1 WHERE aggregateidentifier = 'p1' AND sequencenumber = 1");
        fixture.sql("UPDATE domainevententry SET sequencenumber = 1 WHERE aggregateidentifier = 'p1' AND sequencenumber = 2");
        fixture.sql("UPDATE domainevententry SET sequencenumber = 2 WHERE aggregateidentifier = 'p1' AND sequencenumber = -1");

        IntegrityReport report = verify();

        assertThat(report.firstFailure().globalIndex()).isEqualTo(index[1][1]);
        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p1");
        assertThat(report.firstFailure().sequenceNumber()).isEqualTo(2L);
        assertThat(report.firstFailure().reason()).contains("reordered");
    }

    @Test
    void aRowInsertedBesideTheEventStoreIsDetected() throws SQLException {
        fixture.sql("""
                INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                                              payloadtype, payloadrevision, payload, metadata)
                VALUES ('forged', 'p9', 0, 'Project', '2026-03-01T09:00:00Z', 'com.example.X', '1', '\\x7b7d', NULL)""");

        IntegrityReport report = verify();

        assertThat(report.firstFailure().aggregateIdentifier()).isEqualTo("p9");
        assertThat(report.firstFailure().reason()).contains("no chain record");
    }

    @Test
    void truncatingEverythingAfterASealedEventBreaksTheSignedCheckpoint() throws SQLException {
        long tail = index[2][3];
        fixture.sql("DELETE FROM domainevententry WHERE globalindex = " + tail);
        fixture.sql("DELETE FROM event_chain WHERE aggregate_identifier = 'p2' AND sequence_number = 3");
        fixture.sql("DELETE FROM event_seal WHERE global_index = " + tail);

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.checkpoint().matches()).isFalse();
        assertThat(report.firstFailure().globalIndex()).isEqualTo(tail);
        assertThat(report.firstFailure().reason()).contains("checkpoint");
    }

    @Test
    void aCheckpointForgedWithoutTheKeyIsRefused() throws SQLException {
        long tail = index[2][3];
        fixture.sql("DELETE FROM domainevententry WHERE globalindex = " + tail);
        fixture.sql("DELETE FROM event_chain WHERE aggregate_identifier = 'p2' AND sequence_number = 3");
        fixture.sql("DELETE FROM event_seal WHERE global_index = " + tail);
        fixture.sql("UPDATE audit_checkpoint SET sealed_count = 11, head_global_index = " + index[1][3]
                + ", head_seal_hash = (SELECT seal_hash FROM event_seal WHERE global_index = " + index[1][3] + ")");

        IntegrityReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.checkpoint().signature()).isEqualTo("INVALID");
        assertThat(report.firstFailure().reason()).contains("signature is invalid");
    }

    @Test
    void aCheckpointKeptOffTheServerIsComparedWithTheSealChain() throws SQLException {
        IntegrityReport current = verify();
        IntegrityVerifier.Checkpoint kept = new IntegrityVerifier.Checkpoint(current.checkpoint().sealedCount(),
                current.checkpoint().headGlobalIndex(), current.checkpoint().headSealHash(),
                current.checkpoint().createdAt(), null, "checkpoint.json");
        fixture.append(List.of(event("p0", "com.example.NoteEvent", "{}", "u0", "360800", T0.plusSeconds(200))));
        fixture.seal(T0.plusSeconds(300));

        IntegrityReport report = verifier.verify(connection, kept);

        assertThat(report.ok()).isTrue();
        assertThat(report.checkpoint().source()).isEqualTo("checkpoint.json");
        assertThat(report.checkpoint().matches()).isTrue();
        assertThat(report.checkpoint().signature()).isEqualTo("UNSIGNED");
    }

    /** What an insider who knows the canonical form would do: rehash a stream from one sequence on. */
    private void rehashStreamTail(String aggregate, long fromSequence) throws SQLException {
        var hasher = new com.zhaoshang.ledger.api.audit.EventChainHash();
        try (var select = connection.prepareStatement("""
                SELECT d.sequencenumber, d.type, d.eventidentifier, d.payloadtype, d.payloadrevision, d.payload,
                       d.metadata, d.timestamp, c.prev_hash
                FROM domainevententry d JOIN event_chain c
                  ON c.aggregate_identifier = d.aggregateidentifier AND c.sequence_number = d.sequencenumber
                WHERE d.aggregateidentifier = ? AND d.sequencenumber >= ? ORDER BY d.sequencenumber""");
             var update = connection.prepareStatement(
                     "UPDATE event_chain SET prev_hash = ?, hash = ? WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, aggregate);
            select.setLong(2, fromSequence);
            byte[] previous = null;
            try (var r = select.executeQuery()) {
                while (r.next()) {
                    if (previous == null) {
                        previous = r.getBytes(9);
                    }
                    byte[] hash = hasher.eventHash(aggregate, r.getLong(1), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5), r.getBytes(6), r.getBytes(7), r.getString(8), previous);
                    update.setBytes(1, previous);
                    update.setBytes(2, hash);
                    update.setString(3, aggregate);
                    update.setLong(4, r.getLong(1));
                    update.executeUpdate();
                    previous = hash;
                }
            }
        }
    }
}
