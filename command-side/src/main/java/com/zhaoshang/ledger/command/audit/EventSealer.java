package com.zhaoshang.ledger.command.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.audit.CheckpointSignature;
import com.zhaoshang.ledger.api.audit.EventChainHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds committed events, in global-index order, into one global chain ({@code event_seal}) and writes a signed
 * checkpoint of its head. The per-stream chains cannot see a deleted stream tail or rows moved between positions of
 * the global order; the seal chain can.
 * <p>
 * Only one instance seals at a time (a PostgreSQL transaction-level advisory lock). A gap in the global index may be
 * a transaction that has taken its index but not yet committed: the sealer never passes a gap unless the event after
 * it was recorded longer ago than {@code ledger.audit.sealer.safety-delay} (then the gap is a rolled-back append).
 */
@Component
public class EventSealer {

    /** The advisory lock's key: "ZHLEDGER" in ASCII. */
    static final long SEALER_LOCK = 0x5A484C4544474552L;

    private static final Logger log = LoggerFactory.getLogger(EventSealer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;
    private final Duration safetyDelay;
    private final int batchSize;
    private final String checkpointKey;
    private final String checkpointDir;

    public EventSealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                       ObjectMapper json,
                       @Value("${ledger.audit.sealer.safety-delay:PT1M}") Duration safetyDelay,
                       @Value("${ledger.audit.sealer.batch-size:10000}") int batchSize,
                       @Value("${ledger.audit.checkpoint-key:}") String checkpointKey,
                       @Value("${ledger.audit.checkpoint-dir:}") String checkpointDir) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.json = json;
        this.safetyDelay = safetyDelay;
        this.batchSize = batchSize;
        this.checkpointKey = checkpointKey;
        this.checkpointDir = checkpointDir;
        if (checkpointKey.isBlank()) {
            log.warn("ledger.audit.checkpoint-key is not set: checkpoints are written UNSIGNED");
        }
    }

    /** A checkpoint: how many events are sealed, the last sealed global index and its seal hash, when, signed. */
    public record Checkpoint(long sealedCount, long headGlobalIndex, String headSealHash, String createdAt,
                             String signature) {
    }

    @Scheduled(initialDelayString = "${ledger.audit.sealer.initial-delay:PT10S}",
            fixedDelayString = "${ledger.audit.sealer.interval:PT10S}")
    public void sealOnSchedule() {
        try {
            sealCommittedEvents();
        } catch (RuntimeException e) {
            log.error("sealing failed; it will be retried at the next run", e);
        }
    }

    /**
     * Seals every committed event it may (see the class comment), in batches; returns the checkpoint written, or
     * null when there was nothing new to seal or another instance holds the sealer's lock.
     */
    public Checkpoint sealCommittedEvents() {
        Checkpoint last = null;
        while (true) {
            Checkpoint written = transactions.execute(status -> sealOneBatch());
            if (written == null) {
                return last;
            }
            exportToFile(written);
            last = written;
        }
    }

    private record Head(long globalIndex, byte[] sealHash, long count) {
    }

    private record Candidate(long globalIndex, String timestamp, byte[] chainHash) {
    }

    private Checkpoint sealOneBatch() {
        Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, SEALER_LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        Head head = currentHead();
        List<Candidate> candidates = jdbc.query("""
                SELECT d.globalindex, d.timestamp, c.hash
                FROM domainevententry d
                LEFT JOIN event_chain c ON c.global_index = d.globalindex
                WHERE d.globalindex > ?
                ORDER BY d.globalindex
                LIMIT ?""",
                (ResultSet rs, int row) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getBytes(3)),
                head.globalIndex(), batchSize);
        Instant gapHorizon = clock.instant().minus(safetyDelay);
        EventChainHash hash = new EventChainHash();
        List<Object[]> seals = new ArrayList<>();
        long expected = head.globalIndex() + 1;
        byte[] previous = head.sealHash();
        long lastIndex = head.globalIndex();
        for (Candidate candidate : candidates) {
            if (candidate.globalIndex() != expected && !gapMayBePassed(candidate, gapHorizon)) {
                break;
            }
            if (candidate.chainHash() == null) {
                log.error("event at global index {} has no chain record: sealing stops before it (see GET /api/audit/integrity)",
                        candidate.globalIndex());
                break;
            }
            byte[] sealHash = hash.sealHash(candidate.globalIndex(), candidate.chainHash(), previous);
            seals.add(new Object[] {candidate.globalIndex(), candidate.chainHash(), sealHash});
            previous = sealHash;
            lastIndex = candidate.globalIndex();
            expected = candidate.globalIndex() + 1;
        }
        if (seals.isEmpty()) {
            return null;
        }
        jdbc.batchUpdate("INSERT INTO event_seal (global_index, hash_of_event, seal_hash) VALUES (?,?,?)", seals);
        long count = head.count() + seals.size();
        String createdAt = clock.instant().toString();
        String signature = checkpointKey.isBlank() ? null
                : CheckpointSignature.sign(checkpointKey,
                EventChainHash.checkpointText(count, lastIndex, previous, createdAt));
        jdbc.update("""
                INSERT INTO audit_checkpoint (sealed_count, head_global_index, head_seal_hash, created_at, signature)
                VALUES (?,?,?,?,?)""", count, lastIndex, previous, createdAt, signature);
        return new Checkpoint(count, lastIndex, EventChainHash.hex(previous), createdAt, signature);
    }

    /** A gap is passed only once the event after it is older than the safety delay: its gap was rolled back. */
    private static boolean gapMayBePassed(Candidate candidate, Instant gapHorizon) {
        return Instant.parse(candidate.timestamp()).isBefore(gapHorizon);
    }

    private Head currentHead() {
        List<Head> heads = jdbc.query("""
                SELECT head_global_index, head_seal_hash, sealed_count FROM audit_checkpoint
                ORDER BY id DESC LIMIT 1""",
                (ResultSet rs, int row) -> new Head(rs.getLong(1), rs.getBytes(2), rs.getLong(3)));
        if (!heads.isEmpty()) {
            return heads.get(0);
        }
        return new Head(0, EventChainHash.GENESIS, 0);
    }

    private void exportToFile(Checkpoint checkpoint) {
        if (checkpointDir.isBlank()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(checkpointDir));
            String name = String.format("checkpoint-%020d.json", checkpoint.headGlobalIndex());
            Path temporary = Files.createTempFile(dir, "checkpoint-", ".tmp");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("form", "zhaoshang-ledger/checkpoint/v1");
            body.put("sealedCount", checkpoint.sealedCount());
            body.put("headGlobalIndex", checkpoint.headGlobalIndex());
            body.put("headSealHash", checkpoint.headSealHash());
            body.put("createdAt", checkpoint.createdAt());
            body.put("signature", checkpoint.signature());
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), body);
            Files.move(temporary, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not export checkpoint to " + checkpointDir, e);
        }
    }

    /** For tests and the verifier's documentation: reads the latest checkpoint row. */
    Checkpoint latestCheckpoint() {
        List<Checkpoint> found = jdbc.query("""
                SELECT sealed_count, head_global_index, head_seal_hash, created_at, signature
                FROM audit_checkpoint ORDER BY id DESC LIMIT 1""",
                (ResultSet rs, int row) -> readCheckpoint(rs));
        return found.isEmpty() ? null : found.get(0);
    }

    private static Checkpoint readCheckpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getLong(2), EventChainHash.hex(rs.getBytes(3)), rs.getString(4),
                rs.getString(5));
    }
}
