package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.ApprovalDecidedEvent;
import com.zhaoshang.ledger.api.supervision.ApprovalDeemedGrantedEvent;
import com.zhaoshang.ledger.api.supervision.ApprovalRequestedEvent;
import com.zhaoshang.ledger.api.supervision.ApprovalStatus;
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
 * Keeps {@code approval_view} (Flyway V51): one row per approval request, PENDING until the department decides
 * (GRANTED, REFUSED) or the time limit lapses (DEEMED_GRANTED, naming the lapsed department). Idempotent: the
 * insert does nothing on conflict and an update applies only to an older version. Processing group
 * {@code supervision}.
 */
@Component
@ProcessingGroup(SupervisionProjection.GROUP)
public class ApprovalsProjection {

    private final JdbcClient jdbc;

    public ApprovalsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ApprovalRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        INSERT INTO approval_view (approval_id, project_id, department_unit_id, subject, industrial,
                            investment_amount, investment_currency, time_limit_days, requested_on, due_on, status,
                            version, recorded_at)
                        VALUES (:id, :projectId, :department, :subject, :industrial, :amount, :currency, :days,
                            :requestedOn, :dueOn, :status, :version, :recordedAt)
                        ON CONFLICT (approval_id) DO NOTHING""")
                .param("id", event.approvalId())
                .param("projectId", event.projectId())
                .param("department", event.department())
                .param("subject", event.subject())
                .param("industrial", event.industrial())
                .param("amount", Rows.amount(event.investment()))
                .param("currency", Rows.currency(event.investment()))
                .param("days", event.timeLimitDays())
                .param("requestedOn", event.occurredOn())
                .param("dueOn", event.dueOn())
                .param("status", ApprovalStatus.PENDING.name())
                .param("version", sequence)
                .param("recordedAt", Rows.timestamp(recordedAt))
                .update();
    }

    @EventHandler
    public void on(ApprovalDecidedEvent event, @SequenceNumber long sequence) {
        settle(event.approvalId(), event.granted() ? ApprovalStatus.GRANTED : ApprovalStatus.REFUSED,
                event.occurredOn(), event.reason(), null, sequence);
    }

    @EventHandler
    public void on(ApprovalDeemedGrantedEvent event, @SequenceNumber long sequence) {
        settle(event.approvalId(), ApprovalStatus.DEEMED_GRANTED, event.occurredOn(), null,
                event.responsibleDepartment(), sequence);
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM approval_view").update();
    }

    private void settle(String approvalId, ApprovalStatus status, java.time.LocalDate decidedOn, String reason,
                        String responsibleDepartment, long sequence) {
        jdbc.sql("""
                        UPDATE approval_view SET status = :status, decided_on = :decidedOn, reason = :reason,
                            responsible_department_id = :responsible, version = :version
                        WHERE approval_id = :id AND version < :version""")
                .param("id", approvalId)
                .param("status", status.name())
                .param("decidedOn", decidedOn)
                .param("reason", reason)
                .param("responsible", responsibleDepartment)
                .param("version", sequence)
                .update();
    }
}
