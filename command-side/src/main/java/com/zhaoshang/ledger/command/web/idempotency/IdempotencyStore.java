package com.zhaoshang.ledger.command.web.idempotency;

import com.zhaoshang.ledger.command.web.CommandAnswer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The {@code idempotency_record} table: one row per (user, Idempotency-Key).
 * <ul>
 *   <li>Phase A ({@link #hold}, first thing in the command's own transaction, by {@link IdempotencyInterceptor}):
 *   lock the key and insert IN_FLIGHT; if the row exists, replay a COMPLETED answer to the same request, refuse a
 *   different request, refuse a key in flight unless the claim is older than the stale timeout, then take it over.
 *   No transaction of its own: a command commits once, claim, events and answer together.</li>
 *   <li>Phase B ({@link #complete}, inside the command's own transaction, by {@link IdempotencyInterceptor}): the
 *   answer is written atomically with the command's events.</li>
 *   <li>Refusals are stored ({@link #completeOutsideCommand}) so the same request gets the same refusal; unexpected
 *   failures {@link #release} the key (a claim of the rolled-back command is gone already; this removes a claim left
 *   by a takeover that committed elsewhere) so the client may retry.</li>
 * </ul>
 */
@Component
public class IdempotencyStore {

    private static final String COMPLETED = "COMPLETED";

    private record Row(String fingerprint, String state, Integer status, String body, String location, String etag,
                       String token, OffsetDateTime createdAt) {
    }

    private record HoldResult(boolean locked, long inserted) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration staleAfter;

    public IdempotencyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                            @Value("${ledger.idempotency.in-flight-timeout:PT2M}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /**
     * Phase A made good, in the caller's transaction (the command's, by {@link IdempotencyInterceptor}): takes a
     * transaction-scoped advisory lock on the key (another request holding it is in flight: 409 at once rather than
     * waiting for it), then inserts the IN_FLIGHT row, or takes over a stale one. The claim and the answer thus commit
     * with the command's events in one commit, and a rolled-back command leaves no claim behind.
     *
     * @throws IdempotencyClaimRefused when the key is not this request's (in flight, answered, or another request)
     */
    public void hold(IdempotencyTicket ticket, String fingerprint) {
        OffsetDateTime now = now();
        // One round trip: the lock, then the IN_FLIGHT row only if the lock was had (nothing else holds the key).
        HoldResult held = jdbc.sql("""
                        WITH lock AS (SELECT pg_try_advisory_xact_lock(hashtext(:owner), hashtext(:key)) AS locked),
                             claimed AS (
                                 INSERT INTO idempotency_record (owner_user, idem_key, fingerprint, state, claim_token, created_at)
                                 SELECT :owner, :key, :fingerprint, 'IN_FLIGHT', :token, :now FROM lock WHERE lock.locked
                                 ON CONFLICT DO NOTHING
                                 RETURNING 1)
                        SELECT (SELECT locked FROM lock) AS locked, (SELECT count(*) FROM claimed) AS inserted""")
                .param("owner", ticket.owner()).param("key", ticket.key()).param("fingerprint", fingerprint)
                .param("token", ticket.token()).param("now", now)
                .query((rs, n) -> new HoldResult(rs.getBoolean("locked"), rs.getLong("inserted")))
                .single();
        if (!held.locked()) {
            throw new IdempotencyClaimRefused(new IdempotencyClaim.InFlight());
        }
        if (held.inserted() == 1) {
            return;
        }
        Optional<Row> existing = find(ticket.owner(), ticket.key());
        if (existing.isEmpty()) {
            throw new IdempotencyClaimRefused(new IdempotencyClaim.InFlight());
        }
        Row row = existing.get();
        IdempotencyClaim refused = refusal(row, fingerprint, now);
        if (refused != null) {
            throw new IdempotencyClaimRefused(refused);
        }
        int taken = jdbc.sql("""
                        UPDATE idempotency_record SET claim_token = :token, created_at = :now
                        WHERE owner_user = :owner AND idem_key = :key AND state = 'IN_FLIGHT' AND claim_token = :old""")
                .param("token", ticket.token()).param("now", now).param("owner", ticket.owner())
                .param("key", ticket.key()).param("old", row.token())
                .update();
        if (taken != 1) {
            throw new IdempotencyClaimRefused(new IdempotencyClaim.InFlight());
        }
    }

    /** Why an existing row is not this request's, or null when it is a stale claim that may be taken over. */
    private IdempotencyClaim refusal(Row row, String fingerprint, OffsetDateTime now) {
        if (!row.fingerprint().equals(fingerprint)) {
            return new IdempotencyClaim.Mismatch();
        }
        if (COMPLETED.equals(row.state())) {
            return new IdempotencyClaim.Replay(new CommandAnswer(row.status(), row.body(), row.location(), row.etag()));
        }
        if (row.createdAt().isAfter(now.minus(staleAfter))) {
            return new IdempotencyClaim.InFlight();
        }
        return null;
    }

    /**
     * Phase B: records the answer in the caller's transaction (the command's). Fails when the claim was lost to a
     * takeover, so that the command rolls back rather than commit a second time under one key.
     */
    public void complete(IdempotencyTicket ticket, CommandAnswer answer) {
        if (write(ticket, answer) != 1) {
            throw new IllegalStateException("the claim on Idempotency-Key " + ticket.key() + " was taken over");
        }
    }

    /**
     * Records a refusal, in a transaction of its own: the command's rolled back, and its claim with it. Inserted as
     * COMPLETED, or over a stale claim this request had taken over; any other row (a claim taken since) is left alone.
     */
    public void completeOutsideCommand(IdempotencyTicket ticket, String fingerprint, CommandAnswer answer) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO idempotency_record (owner_user, idem_key, fingerprint, state, claim_token,
                            response_status, response_body, location, etag, created_at, completed_at)
                        VALUES (:owner, :key, :fingerprint, 'COMPLETED', :token, :status, :body, :location, :etag, :now, :now)
                        ON CONFLICT (owner_user, idem_key) DO UPDATE
                        SET state = 'COMPLETED', response_status = EXCLUDED.response_status,
                            response_body = EXCLUDED.response_body, location = EXCLUDED.location, etag = EXCLUDED.etag,
                            completed_at = EXCLUDED.completed_at
                        WHERE idempotency_record.state = 'IN_FLIGHT' AND idempotency_record.claim_token = :token""")
                .param("owner", ticket.owner()).param("key", ticket.key()).param("fingerprint", fingerprint)
                .param("token", ticket.token()).param("status", answer.status()).param("body", answer.body())
                .param("location", answer.location()).param("etag", answer.etag()).param("now", now())
                .update());
    }

    /** Deletes the claim after an unexpected failure, so the client may retry with the same key. */
    public void release(IdempotencyTicket ticket) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        DELETE FROM idempotency_record
                        WHERE owner_user = :owner AND idem_key = :key AND state = 'IN_FLIGHT' AND claim_token = :token""")
                .param("owner", ticket.owner()).param("key", ticket.key()).param("token", ticket.token())
                .update());
    }

    private int write(IdempotencyTicket ticket, CommandAnswer answer) {
        return jdbc.sql("""
                        UPDATE idempotency_record
                        SET state = 'COMPLETED', response_status = :status, response_body = :body, location = :location,
                            etag = :etag, completed_at = :now
                        WHERE owner_user = :owner AND idem_key = :key AND state = 'IN_FLIGHT' AND claim_token = :token""")
                .param("status", answer.status()).param("body", answer.body()).param("location", answer.location())
                .param("etag", answer.etag()).param("now", now())
                .param("owner", ticket.owner()).param("key", ticket.key()).param("token", ticket.token())
                .update();
    }

    private Optional<Row> find(String owner, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, state, response_status, response_body, location, etag, claim_token, created_at
                        FROM idempotency_record WHERE owner_user = :owner AND idem_key = :key""")
                .param("owner", owner).param("key", key)
                .query((rs, n) -> new Row(rs.getString("fingerprint"), rs.getString("state"),
                        (Integer) rs.getObject("response_status"), rs.getString("response_body"),
                        rs.getString("location"), rs.getString("etag"), rs.getString("claim_token"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
