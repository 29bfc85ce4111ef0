package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.CaseStep;
import com.zhaoshang.ledger.api.supervision.CaseStepTakenEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseOpenedEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseEscalatedEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseOverdueEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseReportMissedEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * Keeps table {@code supervision_case_view}: one row per supervision case with its status (OPENED, then the past
 * participle of its last step) and overdue count. Idempotent: {@code version} holds the sequence of the last event
 * applied, later events update only {@code WHERE version < sequence}.
 */
@Component
@ProcessingGroup(SupervisionProjection.GROUP)
public class SupervisionCasesProjection {

    private final JdbcClient jdbc;

    public SupervisionCasesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The status a step leaves the case in. */
    public static String statusAfter(CaseStep step) {
        return switch (step) {
            case REVIEW -> "REVIEWED";
            case ISSUE -> "ISSUED";
            case ACKNOWLEDGE -> "ACKNOWLEDGED";
            case HANDLE -> "HANDLED";
            case REPORT_BACK -> "REPORTED_BACK";
            case RECHECK -> "RECHECKED";
            case CLOSE -> "CLOSED";
        };
    }

    @EventHandler
    public void on(SupervisionCaseOpenedEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO supervision_case_view (case_id, subject, project_id, rule, lead_unit_id,
                            assisting_unit_ids, leader_name, deadline_on, reporting_frequency_days, status,
                            overdue_count, opened_on, last_step_on, version)
                        VALUES (:caseId, :subject, :projectId, :rule, :leadUnitId, :assisting, :leaderName, :deadlineOn,
                            :frequency, 'OPENED', 0, :openedOn, :openedOn, :sequence)
                        ON CONFLICT (case_id) DO NOTHING""")
                .param("caseId", event.caseId())
                .param("subject", event.subject())
                .param("projectId", event.projectId())
                .param("rule", event.rule() == null ? null : event.rule().name())
                .param("leadUnitId", event.leadUnitId().value())
                .param("assisting", event.assistingUnitIds().stream().map(UnitId::value)
                        .collect(Collectors.joining(",")))
                .param("leaderName", event.responsibleLeader() == null ? null : event.responsibleLeader().name())
                .param("deadlineOn", event.deadlineOn())
                .param("frequency", event.reportingFrequencyDays())
                .param("openedOn", event.occurredOn())
                .param("sequence", sequence)
                .update();
    }

    @EventHandler
    public void on(CaseStepTakenEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        UPDATE supervision_case_view SET status = :status, last_step_on = :on, version = :sequence
                        WHERE case_id = :caseId AND version < :sequence""")
                .param("status", statusAfter(event.step()))
                .param("on", event.occurredOn())
                .param("sequence", sequence)
                .param("caseId", event.caseId())
                .update();
    }

    @EventHandler
    public void on(SupervisionCaseOverdueEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        UPDATE supervision_case_view SET overdue_count = :count, version = :sequence
                        WHERE case_id = :caseId AND version < :sequence""")
                .param("count", event.overdueCount())
                .param("sequence", sequence)
                .param("caseId", event.caseId())
                .update();
    }

    @EventHandler
    public void on(SupervisionCaseReportMissedEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        UPDATE supervision_case_view SET missed_reports = :missed, version = :sequence
                        WHERE case_id = :caseId AND version < :sequence""")
                .param("missed", event.missedReports())
                .param("sequence", sequence)
                .param("caseId", event.caseId())
                .update();
    }

    @EventHandler
    public void on(SupervisionCaseEscalatedEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        UPDATE supervision_case_view SET escalation_level = :level, escalated_to_unit_id = :toUnitId,
                            version = :sequence
                        WHERE case_id = :caseId AND version < :sequence""")
                .param("level", event.level())
                .param("toUnitId", event.toUnitId().value())
                .param("sequence", sequence)
                .param("caseId", event.caseId())
                .update();
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM supervision_case_view").update();
    }
}
