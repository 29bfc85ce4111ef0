package com.zhaoshang.ledger.query.audit;

import com.zhaoshang.ledger.api.audit.CheckpointSignature;
import com.zhaoshang.ledger.api.audit.EventChainHash;
import com.zhaoshang.ledger.query.audit.IntegrityReport.CheckpointCheck;
import com.zhaoshang.ledger.query.audit.IntegrityReport.Failure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes every stream's hash chain and the seal chain from the stored rows, in one consistent snapshot, and
 * compares the seal chain with a signed checkpoint (docs/AUDIT.md, "Verification"). Plain JDBC, so the REST route
 * and the command-line verifier run the very same code. Reads only; needs no Spring.
 * <p>
 * One pass in global-index order over the events (joined to their chain records) merged with the seals, keeping
 * the last sequence and hash of every stream in memory; then one anti-join for chain records whose event is gone.
 */
public final class IntegrityVerifier {

    private static final int FETCH_SIZE = 10_000;
    private static final String EVENTS = """
            SELECT d.globalindex, d.aggregateidentifier, d.sequencenumber, d.type, d.eventidentifier,
                   d.payloadtype, d.payloadrevision, d.payload, d.metadata, d.timestamp,
                   c.event_identifier, c.prev_hash, c.hash
            FROM domainevententry d
            LEFT JOIN event_chain c
              ON c.aggregate_identifier = d.aggregateidentifier AND c.sequence_number = d.sequencenumber
            ORDER BY d.globalindex""";
    private static final String SEALS = "SELECT global_index, hash_of_event, seal_hash FROM event_seal ORDER BY global_index";
    private static final String ORPHAN_CHAIN = """
            SELECT c.aggregate_identifier, c.sequence_number FROM event_chain c
            WHERE NOT EXISTS (SELECT 1 FROM domainevententry d
                              WHERE d.aggregateidentifier = c.aggregate_identifier
                                AND d.sequencenumber = c.sequence_number)
            ORDER BY c.aggregate_identifier, c.sequence_number""";
    private static final String LATEST_CHECKPOINT = """
            SELECT sealed_count, head_global_index, head_seal_hash, created_at, signature
            FROM audit_checkpoint ORDER BY id DESC LIMIT 1""";

    private final String checkpointKey;

    /** @param checkpointKey the HMAC key of the checkpoints; null or blank: signatures are not checked */
    public IntegrityVerifier(String checkpointKey) {
        this.checkpointKey = checkpointKey == null || checkpointKey.isBlank() ? null : checkpointKey;
    }

    /** A checkpoint as the sealer writes it to its table and its files. */
    public record Checkpoint(long sealedCount, long headGlobalIndex, String headSealHash, String createdAt,
                             String signature, String source) {
    }

    /** Verifies against the latest checkpoint in the database. */
    public IntegrityReport verify(Connection connection) throws SQLException {
        return verify(connection, null);
    }

    /**
     * Verifies the whole log; when {@code external} is given (a checkpoint kept off the server) the seal chain is
     * compared with it instead of the database's latest checkpoint. Leaves the connection as it found it.
     */
    public IntegrityReport verify(Connection connection, Checkpoint external) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return run(connection, external);
            } finally {
                connection.rollback();
            }
        } finally {
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private IntegrityReport run(Connection connection, Checkpoint external) throws SQLException {
        Checkpoint checkpoint = external != null ? external : latestCheckpoint(connection);
        Pass pass = new Pass(checkpoint);
        try (PreparedStatement events = connection.prepareStatement(EVENTS);
             PreparedStatement seals = connection.prepareStatement(SEALS)) {
            events.setFetchSize(FETCH_SIZE);
            seals.setFetchSize(FETCH_SIZE);
            try (ResultSet e = events.executeQuery(); ResultSet s = seals.executeQuery()) {
                pass.merge(e, s);
            }
        }
        try (Statement orphans = connection.createStatement(); ResultSet o = orphans.executeQuery(ORPHAN_CHAIN)) {
            while (o.next()) {
                pass.fail(null, o.getString(1), o.getLong(2),
                        "chain record without its event: the event row was deleted (or its stream position changed)");
            }
        }
        CheckpointCheck checkpointCheck = pass.checkpointCheck();
        if (checkpointCheck != null && !checkpointCheck.matches()) {
            pass.fail(checkpoint.headGlobalIndex(), null, null,
                    "the seal chain does not match the checkpoint of " + checkpoint.createdAt()
                            + " (sealed count or head hash differ): sealed history was rewritten or truncated");
        }
        if (checkpointCheck != null && "INVALID".equals(checkpointCheck.signature())) {
            pass.fail(checkpoint.headGlobalIndex(), null, null,
                    "the checkpoint's signature is invalid: the checkpoint was forged or altered");
        }
        Failure first = pass.first;
        if (first != null && pass.missingSealedEventHash != null) {
            first = locateBySealedHash(connection, first, pass.missingSealedEventHash);
        }
        return new IntegrityReport(pass.failures == 0, pass.checkedEvents, pass.sealedEvents, pass.failures, first,
                checkpointCheck);
    }

    private static Checkpoint latestCheckpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(LATEST_CHECKPOINT)) {
            if (!r.next()) {
                return null;
            }
            return new Checkpoint(r.getLong(1), r.getLong(2), EventChainHash.hex(r.getBytes(3)), r.getString(4),
                    r.getString(5), "database");
        }
    }

    /** A deleted sealed event still has its chain record (unless that was deleted too): name its stream position. */
    private static Failure locateBySealedHash(Connection connection, Failure failure, byte[] hash) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT aggregate_identifier, sequence_number FROM event_chain WHERE hash = ?")) {
            query.setBytes(1, hash);
            try (ResultSet r = query.executeQuery()) {
                if (r.next()) {
                    return new Failure(failure.globalIndex(), r.getString(1), r.getLong(2), failure.reason());
                }
            }
        }
        return failure;
    }

    private static final class StreamState {
        long sequence;
        byte[] hash;

        StreamState(long sequence, byte[] hash) {
            this.sequence = sequence;
            this.hash = hash;
        }
    }

    /** The state of one verification pass. */
    private final class Pass {
        private final EventChainHash hasher = new EventChainHash();
        private final Map<String, StreamState> streams = new HashMap<>();
        private final Checkpoint checkpoint;
        long checkedEvents;
        long sealedEvents;
        long failures;
        Failure first;
        byte[] missingSealedEventHash;
        private byte[] previousSeal = EventChainHash.GENESIS;
        private long sealsUpToHead;
        private byte[] sealAtHead;

        Pass(Checkpoint checkpoint) {
            this.checkpoint = checkpoint;
        }

        void fail(Long globalIndex, String aggregate, Long sequence, String reason) {
            failures++;
            if (first == null) {
                first = new Failure(globalIndex, aggregate, sequence, reason);
            }
        }

        void merge(ResultSet events, ResultSet seals) throws SQLException {
            boolean hasEvent = events.next();
            boolean hasSeal = seals.next();
            long sealIndex = hasSeal ? seals.getLong(1) : Long.MAX_VALUE;
            while (hasEvent || hasSeal) {
                long eventIndex = hasEvent ? events.getLong(1) : Long.MAX_VALUE;
                if (sealIndex < eventIndex) {
                    byte[] sealedHash = seals.getBytes(2);
                    if (first == null) {
                        missingSealedEventHash = sealedHash;
                    }
                    fail(sealIndex, null, null,
                            "a sealed event is missing: its row was deleted or moved to another global index");
                    checkSeal(sealIndex, sealedHash, seals.getBytes(3));
                    hasSeal = seals.next();
                    sealIndex = hasSeal ? seals.getLong(1) : Long.MAX_VALUE;
                } else if (eventIndex < sealIndex) {
                    checkEvent(events);
                    if (hasSeal) {
                        fail(eventIndex, events.getString(2), events.getLong(3),
                                "an event inside the sealed range has no seal: inserted after sealing");
                    }
                    hasEvent = events.next();
                } else {
                    byte[] hash = checkEvent(events);
                    byte[] sealedHash = seals.getBytes(2);
                    if (!EventChainHash.same(hash, sealedHash)) {
                        fail(eventIndex, events.getString(2), events.getLong(3),
                                "the seal at this global index was made for another event: rows were reordered, replaced or rehashed");
                    }
                    checkSeal(sealIndex, sealedHash, seals.getBytes(3));
                    hasEvent = events.next();
                    hasSeal = seals.next();
                    sealIndex = hasSeal ? seals.getLong(1) : Long.MAX_VALUE;
                }
            }
        }

        private void checkSeal(long globalIndex, byte[] eventHash, byte[] sealHash) {
            sealedEvents++;
            byte[] expected = hasher.sealHash(globalIndex, eventHash, previousSeal);
            if (!EventChainHash.same(expected, sealHash)) {
                fail(globalIndex, null, null, "the seal chain breaks here: a seal was altered, removed or reordered");
            }
            previousSeal = sealHash;
            if (checkpoint != null && globalIndex <= checkpoint.headGlobalIndex()) {
                sealsUpToHead++;
                if (globalIndex == checkpoint.headGlobalIndex()) {
                    sealAtHead = sealHash;
                }
            }
        }

        /** Checks one event row against its chain record and its stream; returns the hash the seal must carry. */
        private byte[] checkEvent(ResultSet row) throws SQLException {
            checkedEvents++;
            long globalIndex = row.getLong(1);
            String aggregate = row.getString(2);
            long sequence = row.getLong(3);
            String eventIdentifier = row.getString(5);
            byte[] storedPrevious = row.getBytes(12);
            byte[] storedHash = row.getBytes(13);
            StreamState state = streams.get(aggregate);
            long expectedSequence = state == null ? 0 : state.sequence + 1;
            byte[] expectedPrevious = state == null ? EventChainHash.GENESIS : state.hash;
            if (storedHash == null) {
                fail(globalIndex, aggregate, sequence,
                        "the event has no chain record: it was inserted outside the event store (or the record was deleted)");
                byte[] hash = recompute(row, aggregate, sequence, eventIdentifier, expectedPrevious);
                remember(state, aggregate, sequence, hash);
                return hash;
            }
            if (!eventIdentifier.equals(row.getString(11))) {
                fail(globalIndex, aggregate, sequence, "the chain record at this stream position belongs to event "
                        + row.getString(11) + ", not " + eventIdentifier + ": rows were reordered or replaced");
            } else if (sequence > expectedSequence) {
                fail(globalIndex, aggregate, expectedSequence, "sequence " + expectedSequence
                        + " of the stream is missing before sequence " + sequence
                        + ": an event was deleted or rows were reordered");
            } else if (sequence < expectedSequence) {
                fail(globalIndex, aggregate, sequence, "sequence " + sequence + " comes after sequence "
                        + state.sequence + " in the global order: rows were reordered");
            } else if (!EventChainHash.same(storedPrevious, expectedPrevious)) {
                fail(globalIndex, aggregate, sequence,
                        "the previous hash does not match the stream's previous event: the chain was rewritten");
            }
            byte[] recomputed = recompute(row, aggregate, sequence, eventIdentifier, storedPrevious);
            if (!EventChainHash.same(recomputed, storedHash)) {
                fail(globalIndex, aggregate, sequence,
                        "hash mismatch: the payload, metadata or another stored field of this event was altered");
            }
            remember(state, aggregate, sequence, storedHash);
            return storedHash;
        }

        private byte[] recompute(ResultSet row, String aggregate, long sequence, String eventIdentifier,
                                 byte[] previous) throws SQLException {
            return hasher.eventHash(aggregate, sequence, row.getString(4), eventIdentifier, row.getString(6),
                    row.getString(7), row.getBytes(8), row.getBytes(9), row.getString(10), previous);
        }

        private void remember(StreamState state, String aggregate, long sequence, byte[] hash) {
            if (state == null) {
                streams.put(aggregate, new StreamState(sequence, hash));
            } else if (sequence > state.sequence) {
                state.sequence = sequence;
                state.hash = hash;
            }
        }

        CheckpointCheck checkpointCheck() {
            if (checkpoint == null) {
                return null;
            }
            String signature;
            if (checkpoint.signature() == null || checkpoint.signature().isBlank()) {
                signature = "UNSIGNED";
            } else if (checkpointKey == null) {
                signature = "NOT_CHECKED";
            } else {
                String text = EventChainHash.checkpointText(checkpoint.sealedCount(), checkpoint.headGlobalIndex(),
                        EventChainHash.unhex(checkpoint.headSealHash()), checkpoint.createdAt());
                signature = CheckpointSignature.verify(checkpointKey, text, checkpoint.signature()) ? "VALID" : "INVALID";
            }
            boolean matches = sealsUpToHead == checkpoint.sealedCount() && sealAtHead != null
                    && EventChainHash.hex(sealAtHead).equals(checkpoint.headSealHash());
            return new CheckpointCheck(checkpoint.source(), checkpoint.sealedCount(), checkpoint.headGlobalIndex(),
                    checkpoint.headSealHash(), checkpoint.createdAt(), signature, matches);
        }
    }
}
