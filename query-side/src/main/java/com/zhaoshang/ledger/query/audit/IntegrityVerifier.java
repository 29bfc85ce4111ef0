package com.zhaoshang.ledger.query.audit;

import com.zhaoshang.ledger.api.audit.CheckpointSignature;
import com.zhaoshang.ledger.api.audit.EventChainHash;
import com.zhaoshang.ledger.query.audit.IntegrityReport.CheckpointCheck;
import com.zhaoshang.ledger.query.audit.IntegrityReport.Failure;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Recomputes every stream's hash chain and the seal chain from the stored rows, in one consistent snapshot, and
 * compares the seal chain with a signed checkpoint (docs/AUDIT.md, "Verification"). Plain JDBC, so the REST route
 * and the command-line verifier run the very same code. Reads only; needs no Spring.
 * <p>
 * One pass in global-index order over three cursors side by side (events, chain records, seals: each an index scan,
 * no join), keeping the last sequence and hash of every stream in memory.
 */
public final class IntegrityVerifier {

    private static final int FETCH_SIZE = 10_000;
    private static final String EVENTS = """
            SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                   payloadtype, payloadrevision, payload, metadata, timestamp
            FROM domainevententry ORDER BY globalindex""";
    private static final String CHAIN = """
            SELECT global_index, aggregate_identifier, sequence_number, event_identifier, prev_hash, hash
            FROM event_chain ORDER BY global_index""";
    private static final String SEALS = "SELECT global_index, hash_of_event, seal_hash FROM event_seal ORDER BY global_index";
    private static final String LATEST_CHECKPOINT = """
            SELECT sealed_count, head_global_index, head_seal_hash, created_at, signature
            FROM audit_checkpoint ORDER BY id DESC LIMIT 1""";
    private static final System.Logger log = System.getLogger(IntegrityVerifier.class.getName());

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
        HashWorker worker = new HashWorker();
        Pass pass = new Pass(checkpoint, worker);
        try (PreparedStatement events = stream(connection, EVENTS);
             PreparedStatement chain = stream(connection, CHAIN);
             PreparedStatement seals = stream(connection, SEALS);
             ResultSet e = events.executeQuery();
             ResultSet c = chain.executeQuery();
             ResultSet s = seals.executeQuery()) {
            pass.merge(e, c, s);
            worker.finish();
        } finally {
            worker.abandon();
        }
        pass.position = Long.MAX_VALUE;
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
        long failures = pass.failures + worker.failures;
        Failure first = worker.firstPosition < pass.firstPosition ? worker.first : pass.first;
        return new IntegrityReport(failures == 0, pass.checkedEvents, pass.sealedEvents, failures, first,
                checkpointCheck);
    }

    /**
     * A cursor (fetch size) in binary transfer: PostgreSQL's driver sends BYTEA as hex text otherwise, which halves
     * the speed. Binary is asked for through the driver's own interface when it is there; the text form gives the
     * same bytes, only slower.
     */
    private static PreparedStatement stream(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        try {
            Class<?> pgStatement = Class.forName("org.postgresql.PGStatement");
            if (statement.isWrapperFor(pgStatement)) {
                // A negative threshold makes the driver prepare on the server at once and transfer in binary.
                pgStatement.getMethod("setPrepareThreshold", int.class).invoke(statement.unwrap(pgStatement), -1);
            }
        } catch (ReflectiveOperationException e) {
            log.log(System.Logger.Level.DEBUG, "binary transfer not available, verifying over text transfer", e);
        }
        return statement;
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

    /** One event's stored fields and the hash its chain record holds, to be recomputed and compared. */
    private record HashJob(long globalIndex, String aggregate, long sequence, byte[] aggregateBytes,
                           byte[] aggregateType, byte[] eventIdentifier, byte[] payloadType, byte[] revision,
                           byte[] payload, byte[] metaData, byte[] timestamp, byte[] previous, byte[] expected) {
    }

    /**
     * Recomputes the event hashes on a second thread while the first reads the next rows from the database; its
     * failures are merged with the reader's by global index.
     */
    private static final class HashWorker implements Runnable {
        private static final int BATCH = 1024;
        private static final List<HashJob> END = new ArrayList<>();

        private final BlockingQueue<List<HashJob>> queue = new ArrayBlockingQueue<>(16);
        private final EventChainHash hasher = new EventChainHash();
        private final Thread thread;
        private List<HashJob> batch = new ArrayList<>(BATCH);
        private volatile RuntimeException error;
        long failures;
        long firstPosition = Long.MAX_VALUE;
        Failure first;

        HashWorker() {
            thread = new Thread(this, "integrity-hasher");
            thread.setDaemon(true);
            thread.start();
        }

        void submit(HashJob job) {
            batch.add(job);
            if (batch.size() == BATCH) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        /** Waits until every submitted hash is checked. */
        void finish() {
            if (!batch.isEmpty()) {
                put(batch);
            }
            put(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            }
            if (error != null) {
                throw error;
            }
        }

        /** Stops the thread if the pass ended early (no effect after {@link #finish()}). */
        void abandon() {
            thread.interrupt();
        }

        private void put(List<HashJob> jobs) {
            try {
                while (!queue.offer(jobs, 1, TimeUnit.SECONDS)) {
                    if (!thread.isAlive()) {
                        throw error != null ? error : new IllegalStateException("the hashing thread stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    List<HashJob> jobs = queue.take();
                    if (jobs == END) {
                        return;
                    }
                    for (HashJob job : jobs) {
                        check(job);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                error = e;
            }
        }

        private void check(HashJob job) {
            byte[] recomputed = hasher.eventHash(job.aggregateBytes(), job.sequence(), job.aggregateType(),
                    job.eventIdentifier(), job.payloadType(), job.revision(), job.payload(), job.metaData(),
                    job.timestamp(), job.previous());
            if (!EventChainHash.same(recomputed, job.expected())) {
                failures++;
                if (first == null) {
                    first = new Failure(job.globalIndex(), job.aggregate(), job.sequence(),
                            "hash mismatch: the payload, metadata or another stored field of this event was altered");
                    firstPosition = job.globalIndex();
                }
            }
        }
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
        private final HashWorker worker;
        long checkedEvents;
        long sealedEvents;
        long failures;
        Failure first;
        /** The global index being checked; failures found later (checkpoint) come after every row. */
        long position;
        long firstPosition = Long.MAX_VALUE;
        private byte[] previousSeal = EventChainHash.GENESIS;
        private long sealsUpToHead;
        private byte[] sealAtHead;

        Pass(Checkpoint checkpoint, HashWorker worker) {
            this.checkpoint = checkpoint;
            this.worker = worker;
        }

        void fail(Long globalIndex, String aggregate, Long sequence, String reason) {
            failures++;
            if (first == null) {
                first = new Failure(globalIndex, aggregate, sequence, reason);
                firstPosition = position;
            }
        }

        /** Walks the three tables side by side in global-index order. */
        void merge(ResultSet events, ResultSet chain, ResultSet seals) throws SQLException {
            boolean hasEvent = events.next();
            boolean hasChain = chain.next();
            boolean hasSeal = seals.next();
            while (hasEvent || hasChain || hasSeal) {
                long eventIndex = hasEvent ? events.getLong(1) : Long.MAX_VALUE;
                long chainIndex = hasChain ? chain.getLong(1) : Long.MAX_VALUE;
                long sealIndex = hasSeal ? seals.getLong(1) : Long.MAX_VALUE;
                long index = Math.min(eventIndex, Math.min(chainIndex, sealIndex));
                position = index;
                boolean event = eventIndex == index;
                boolean link = chainIndex == index;
                boolean seal = sealIndex == index;
                byte[] eventHash;
                if (event) {
                    eventHash = checkEvent(events, link ? chain : null);
                } else if (link) {
                    eventHash = chain.getBytes(6);
                    fail(index, chain.getString(2), chain.getLong(3),
                            "the event row is gone but its chain record remains: the event was deleted or moved");
                } else {
                    eventHash = null;
                    fail(index, null, null,
                            "a sealed event is missing with its chain record: its rows were deleted or moved");
                }
                if (seal) {
                    byte[] sealedHash = seals.getBytes(2);
                    if (event && !EventChainHash.same(eventHash, sealedHash)) {
                        fail(index, events.getString(2), events.getLong(3),
                                "the seal at this global index was made for another event: rows were reordered, replaced or rehashed");
                    }
                    checkSeal(index, sealedHash, seals.getBytes(3));
                } else if (event) {
                    // Seals follow the global order without holes; a later seal means this event was skipped.
                    if (hasSeal) {
                        fail(index, events.getString(2), events.getLong(3),
                                "an event inside the sealed range has no seal: inserted after sealing");
                    }
                }
                if (event) {
                    hasEvent = events.next();
                }
                if (link) {
                    hasChain = chain.next();
                }
                if (seal) {
                    hasSeal = seals.next();
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

        /**
         * Checks one event row against the chain record at its global index and against its stream; returns the
         * hash its seal must carry.
         */
        private byte[] checkEvent(ResultSet row, ResultSet link) throws SQLException {
            checkedEvents++;
            long globalIndex = row.getLong(1);
            // Text columns are read as their UTF-8 bytes: what the canonical form hashes, with no decoding.
            byte[] aggregateBytes = row.getBytes(2);
            String aggregate = new String(aggregateBytes, StandardCharsets.UTF_8);
            long sequence = row.getLong(3);
            byte[] eventIdentifier = row.getBytes(5);
            StreamState state = streams.get(aggregate);
            long expectedSequence = state == null ? 0 : state.sequence + 1;
            byte[] expectedPrevious = state == null ? EventChainHash.GENESIS : state.hash;
            if (link == null) {
                fail(globalIndex, aggregate, sequence,
                        "the event has no chain record: it was inserted beside the event store (or its record deleted)");
                byte[] hash = recompute(row, aggregateBytes, sequence, eventIdentifier, expectedPrevious);
                remember(state, aggregate, sequence, hash);
                return hash;
            }
            byte[] storedPrevious = link.getBytes(5);
            byte[] storedHash = link.getBytes(6);
            if (!Arrays.equals(eventIdentifier, link.getBytes(4)) || !Arrays.equals(aggregateBytes, link.getBytes(2))
                    || sequence != link.getLong(3)) {
                fail(globalIndex, aggregate, sequence, "the chain record at this global index is of event "
                        + link.getString(4) + " (sequence " + link.getLong(3) + " of " + link.getString(2)
                        + "), not of this row: rows were reordered or replaced");
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
            worker.submit(new HashJob(globalIndex, aggregate, sequence, aggregateBytes, row.getBytes(4),
                    eventIdentifier, row.getBytes(6), row.getBytes(7), row.getBytes(8), row.getBytes(9),
                    row.getBytes(10), storedPrevious, storedHash));
            remember(state, aggregate, sequence, storedHash);
            return storedHash;
        }

        private byte[] recompute(ResultSet row, byte[] aggregate, long sequence, byte[] eventIdentifier,
                                 byte[] previous) throws SQLException {
            return hasher.eventHash(aggregate, sequence, row.getBytes(4), eventIdentifier, row.getBytes(6),
                    row.getBytes(7), row.getBytes(8), row.getBytes(9), row.getBytes(10), previous);
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
