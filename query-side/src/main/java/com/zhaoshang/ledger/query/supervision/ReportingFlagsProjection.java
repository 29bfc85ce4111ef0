package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.LateEntryFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.ReportedVerifiedGapFlaggedEvent;
import com.zhaoshang.ledger.query.common.BatchedWrites;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the inspectors' lists of rules 8 and 9 (Flyway V50): {@code supervision_verification_gap}, one row per
 * {@link ReportedVerifiedGapFlaggedEvent} (key: project, arrival), and {@code supervision_late_entry}, one row per
 * {@link LateEntryFlaggedEvent} (key: project, the flag's sequence number). Idempotent: inserts do nothing on
 * conflict. Same processing group as the findings ({@code supervision}). The rows of a processor batch are written
 * together at its commit ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(SupervisionProjection.GROUP)
public class ReportingFlagsProjection {

    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    public ReportingFlagsProjection(JdbcClient jdbc, NamedParameterJdbcTemplate namedJdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(namedJdbc, SupervisionProjection.GROUP + ".flags");
    }

    @EventHandler
    public void on(ReportedVerifiedGapFlaggedEvent event, @Timestamp Instant recordedAt) {
        Map<String, Object> values = new HashMap<>();
        values.put("projectId", event.projectId());
        values.put("arrivalId", event.arrivalId());
        values.put("unitId", event.unitId().value());
        values.put("threshold", event.thresholdRatio());
        values.put("reported", Rows.amount(event.reported()));
        values.put("verified", Rows.amount(event.verified()));
        values.put("currency", Rows.currency(event.reported()));
        values.put("gap", event.gapRatio());
        values.put("verifiedOn", event.occurredOn());
        values.put("recordedAt", Rows.timestamp(recordedAt));
        writes.add(event.projectId(), """
                INSERT INTO supervision_verification_gap (project_id, arrival_id, unit_id, threshold_ratio,
                    reported_amount, verified_amount, currency, gap_ratio, verified_on, recorded_at)
                VALUES (:projectId, :arrivalId, :unitId, :threshold, :reported, :verified, :currency, :gap,
                    :verifiedOn, :recordedAt)
                ON CONFLICT (project_id, arrival_id) DO NOTHING""", values);
    }

    @EventHandler
    public void on(LateEntryFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Map<String, Object> values = new HashMap<>();
        values.put("projectId", event.projectId());
        values.put("sequence", sequence);
        values.put("unitId", event.unitId().value());
        values.put("factType", event.factType());
        values.put("threshold", event.thresholdDays());
        values.put("occurredOn", event.occurredOn());
        values.put("recordedOn", event.recordedOn());
        values.put("lagDays", event.lagDays());
        values.put("recordedAt", Rows.timestamp(recordedAt));
        writes.add(event.projectId(), """
                INSERT INTO supervision_late_entry (project_id, sequence, unit_id, fact_type, threshold_days,
                    occurred_on, recorded_on, lag_days, recorded_at)
                VALUES (:projectId, :sequence, :unitId, :factType, :threshold, :occurredOn, :recordedOn,
                    :lagDays, :recordedAt)
                ON CONFLICT (project_id, sequence) DO NOTHING""", values);
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM supervision_verification_gap").update();
        jdbc.sql("DELETE FROM supervision_late_entry").update();
    }
}
