package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.LateEntryFlaggedEvent;
import com.zhaoshang.ledger.api.supervision.ReportedVerifiedGapFlaggedEvent;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the inspectors' lists of rules 8 and 9 (Flyway V50): {@code supervision_verification_gap}, one row per
 * {@link ReportedVerifiedGapFlaggedEvent} (key: project, arrival), and {@code supervision_late_entry}, one row per
 * {@link LateEntryFlaggedEvent} (key: project, the flag's sequence number). Idempotent: inserts do nothing on
 * conflict. Same processing group as the findings ({@code supervision}).
 */
@Component
@ProcessingGroup(SupervisionProjection.GROUP)
public class ReportingFlagsProjection {

    private final JdbcClient jdbc;

    public ReportingFlagsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ReportedVerifiedGapFlaggedEvent event, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO supervision_verification_gap (project_id, arrival_id, unit_id, threshold_ratio,
                            reported_amount, verified_amount, currency, gap_ratio, verified_on, recorded_at)
                        VALUES (:projectId, :arrivalId, :unitId, :threshold, :reported, :verified, :currency, :gap,
                            :verifiedOn, :recordedAt)
                        ON CONFLICT (project_id, arrival_id) DO NOTHING""")
                .param("projectId", event.projectId())
                .param("arrivalId", event.arrivalId())
                .param("unitId", event.unitId().value())
                .param("threshold", event.thresholdRatio())
                .param("reported", Rows.amount(event.reported()))
                .param("verified", Rows.amount(event.verified()))
                .param("currency", Rows.currency(event.reported()))
                .param("gap", event.gapRatio())
                .param("verifiedOn", event.occurredOn())
                .param("recordedAt", Rows.timestamp(recordedAt))
                .update();
    }

    @EventHandler
    public void on(LateEntryFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO supervision_late_entry (project_id, sequence, unit_id, fact_type, threshold_days,
                            occurred_on, recorded_on, lag_days, recorded_at)
                        VALUES (:projectId, :sequence, :unitId, :factType, :threshold, :occurredOn, :recordedOn,
                            :lagDays, :recordedAt)
                        ON CONFLICT (project_id, sequence) DO NOTHING""")
                .param("projectId", event.projectId())
                .param("sequence", sequence)
                .param("unitId", event.unitId().value())
                .param("factType", event.factType())
                .param("threshold", event.thresholdDays())
                .param("occurredOn", event.occurredOn())
                .param("recordedOn", event.recordedOn())
                .param("lagDays", event.lagDays())
                .param("recordedAt", Rows.timestamp(recordedAt))
                .update();
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM supervision_verification_gap").update();
        jdbc.sql("DELETE FROM supervision_late_entry").update();
    }
}
