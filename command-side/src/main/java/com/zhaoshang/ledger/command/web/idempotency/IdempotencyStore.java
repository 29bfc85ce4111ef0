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
import java.util.UUID;

/**
 * The {@code idempotency_record} table: one row per (user, Idempotency-Key).
 * <ul>
 *   <li>Phase A ({@link #claim}, its own short transaction, before the command is sent): insert IN_FLIGHT; if the row
 *   exists, replay a COMPLETED answer to the same request, refuse a different request, refuse a key in flight unless
 *   the claim is older than the stale timeout, then take it over.</li>
 *   <li>Phase B ({@link #complete}, inside the command's own transaction, by {@link IdempotencyInterceptor}): the
 *   answer is written atomically with the command's events.</li>
 *   <li>Refusals are stored ({@link #completeOutsideCommand}) so the same request gets the same refusal; unexpected
 *   failures {@link #release} the key so the client may retry.</li>
 * </ul>
 */
@Component
public class IdempotencyStore {

    private static final String COMPLETED = "COMPLETED";

    private record Row(String fingerprint, String state, Integer status, String body, String location, String etag,
                       String token, OffsetDateTime createdAt) {
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

    /** Phase A: claims the key for this request, or says why not. */
    public IdempotencyClaim claim(String owner, String key, String fingerprint) {
        return ownTransaction.execute(status -> {
            String token = UUID.randomUUID().toString();
            OffsetDateTime now = now();
            int inserted = jdbc.sql("""
                            INSERT INTO idempotency_record (owner_user, idem_key, fingerprint, state, claim_token, created_at)
                            VALUES (:owner, :key, :fingerprint, 'IN_FLIGHT', :token, :now)
                            ON CONFLICT DO NOTHING""")
                    .param("owner", owner).param("key", key).param("fingerprint", fingerprint)
                    .param("token", token).param("now", now)
                    .update();
            if (inserted == 1) {
                return new IdempotencyClaim.Claimed(new IdempotencyTicket(owner, key, token));
            }
            Optional<Row> existing = find(owner, key);
            if (existing.isEmpty()) {
                // Released between our insert and our read: the key is free again, so the client may simply retry.
                return new IdempotencyClaim.InFlight();
            }
            Row row = existing.get();
            if (!row.fingerprint().equals(fingerprint)) {
                return new IdempotencyClaim.Mismatch();
            }
            if (COMPLETED.equals(row.state())) {
                return new IdempotencyClaim.Replay(new CommandAnswer(row.status(), row.body(), row.location(), row.etag()));
            }
            if (row.createdAt().isAfter(now.minus(staleAfter))) {
                return new IdempotencyClaim.InFlight();
            }
            int taken = jdbc.sql("""
                            UPDATE idempotency_record SET claim_token = :token, created_at = :now
                            WHERE owner_user = :owner AND idem_key = :key AND state = 'IN_FLIGHT' AND claim_token = :old""")
                    .param("token", token).param("now", now).param("owner", owner).param("key", key)
                    .param("old", row.token())
                    .update();
            return taken == 1
                    ? new IdempotencyClaim.Claimed(new IdempotencyTicket(owner, key, token))
                    : new IdempotencyClaim.InFlight();
        });
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

    /** Records a refusal, in a transaction of its own (the command's rolled back). A lost claim is left alone. */
    public void completeOutsideCommand(IdempotencyTicket ticket, CommandAnswer answer) {
        ownTransaction.executeWithoutResult(status -> write(ticket, answer));
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
