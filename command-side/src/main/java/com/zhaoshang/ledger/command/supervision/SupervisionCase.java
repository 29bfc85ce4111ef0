package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.common.BusinessDates;
import com.zhaoshang.ledger.command.common.Refusal;
import com.zhaoshang.ledger.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.zhaoshang.ledger.command.common.TextRules;

import static com.zhaoshang.ledger.command.common.TextRules.requireText;

/**
 * A supervision case (督办事项): opened by a rule or an inspector against a lead unit (with assisting units) and a
 * responsible leader, with a deadline and a reporting frequency. Its workflow takes the steps of {@link CaseStep}
 * strictly in order (opened → leader review → issued → acknowledged → handled → reported back → re-checked →
 * closed); any other step is {@link ErrorCode#ILLEGAL_TRANSITION}. Not closed by its deadline → a
 * {@link SupervisionCaseOverdueEvent} on the day after the deadline and again every reporting period while open,
 * counting up; every {@code ledger.rules.case-escalation-overdue-periods} overdue records the case is escalated one
 * level up the unit tree ({@link SupervisionCaseEscalatedEvent}, once per level, up to the root); closing cancels the
 * pending record. Once issued, the unit moves the case (acknowledges, handles, reports back) at least every reporting
 * period, else a {@link SupervisionCaseReportMissedEvent} is recorded every period it stays silent (反馈频率), until
 * the report back. Roles per step are checked at the REST edge.
 */
@Aggregate
public class SupervisionCase {

    /** The deadline that records the case overdue. */
    public static final String OVERDUE = "supervision-case-overdue";
    /** The deadline that records a missed progress report (反馈频率). */
    public static final String REPORT_DUE = "supervision-case-report-due";
    private static final int MAX_SUBJECT_LENGTH = 500;
    private static final int MAX_NOTE_LENGTH = 2000;

    @AggregateIdentifier
    private String caseId;
    /** The last step taken; null while only opened. */
    private CaseStep lastStep;
    private LocalDate lastStepOn;
    private int overdueCount;
    private int reportingFrequencyDays;
    /** Between the issuing and the report back the unit reports every reporting period. */
    private boolean awaitingReports;
    private int missedReports;
    /** The unit answering for the case: the lead unit, then each parent it was escalated to. */
    private UnitId responsibleUnitId;
    private int escalations;

    protected SupervisionCase() {
    }

    @CommandHandler
    public SupervisionCase(OpenSupervisionCaseCommand command, Clock clock, DeadlineManager deadlines) {
        requireText(command.subject(), "subject", MAX_SUBJECT_LENGTH);
        if (command.leadUnitId() == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "leadUnitId is required: a case names the unit that answers for it");
        }
        if (command.reportingFrequencyDays() <= 0) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "reportingFrequencyDays must be positive, not "
                    + command.reportingFrequencyDays());
        }
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "opening of the case");
        if (command.deadlineOn() == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "deadlineOn is required: a case has a deadline");
        }
        BusinessDates.requireNotBefore(command.deadlineOn(), command.occurredOn(), "case deadline", "opening");
        List<UnitId> assisting = command.assistingUnitIds() == null ? List.of()
                : List.copyOf(command.assistingUnitIds());
        apply(new SupervisionCaseOpenedEvent(command.caseId(), command.subject().strip(), command.projectId(),
                command.rule(), command.leadUnitId(), assisting, command.responsibleLeader(), command.deadlineOn(),
                command.reportingFrequencyDays(), command.occurredOn()));
        RuleDeadline firstOverdue = new RuleDeadline(command.occurredOn(), command.deadlineOn().plusDays(1),
                command.reportingFrequencyDays(), command.deadlineOn());
        deadlines.schedule(firstOverdue.triggersAt(), OVERDUE, firstOverdue);
    }

    @CommandHandler
    public Long handle(TakeCaseStepCommand command, Clock clock, DeadlineManager deadlines) {
        requireExpectedVersion(command.expectedVersion());
        requireNextStep(command.step());
        TextRules.requireAtMost(command.note(), "note", MAX_NOTE_LENGTH);
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "case step " + command.step());
        BusinessDates.requireNotBefore(command.occurredOn(), lastStepOn, "case step " + command.step(),
                "previous step");
        if (command.step() == CaseStep.CLOSE) {
            deadlines.cancelAllWithinScope(OVERDUE);
        }
        watchReports(command.step(), command.occurredOn(), deadlines);
        apply(new CaseStepTakenEvent(caseId, command.step(),
                command.note() == null || command.note().isBlank() ? null : command.note().strip(),
                command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    /** 超期: still open the day after the deadline, and again every reporting period; each time counts up. */
    @DeadlineHandler(deadlineName = OVERDUE)
    void recordOverdue(RuleDeadline deadline, DeadlineManager deadlines, UnitDirectory units, SupervisionRules rules) {
        if (lastStep == CaseStep.CLOSE) {
            return;
        }
        apply(new SupervisionCaseOverdueEvent(caseId, deadline.deadlineOn(), overdueCount + 1, deadline.days(),
                deadline.dueOn()));
        escalateIfDue(deadline.dueOn(), units, rules.caseEscalationOverduePeriods());
        RuleDeadline next = new RuleDeadline(deadline.since(), deadline.dueOn().plusDays(deadline.days()),
                deadline.days(), deadline.deadlineOn());
        deadlines.schedule(next.triggersAt(), OVERDUE, next);
    }

    /**
     * 反馈频率: issuing the case starts the reporting clock; each step of the unit (acknowledgement, handling) restarts
     * it; the report back (or closing) ends it.
     */
    private void watchReports(CaseStep step, LocalDate occurredOn, DeadlineManager deadlines) {
        switch (step) {
            case ISSUE -> scheduleReportDue(occurredOn, deadlines);
            case ACKNOWLEDGE, HANDLE -> {
                deadlines.cancelAllWithinScope(REPORT_DUE);
                scheduleReportDue(occurredOn, deadlines);
            }
            case REPORT_BACK, CLOSE -> deadlines.cancelAllWithinScope(REPORT_DUE);
            default -> {
            }
        }
    }

    /** A report on the last day of the period is in time; the day after it is missed. */
    private void scheduleReportDue(LocalDate lastReportOn, DeadlineManager deadlines) {
        RuleDeadline due = new RuleDeadline(lastReportOn, lastReportOn.plusDays(reportingFrequencyDays + 1L),
                reportingFrequencyDays, null);
        deadlines.schedule(due.triggersAt(), REPORT_DUE, due);
    }

    /** 反馈频率: a reporting period passed without a step of the unit; again every period until it moves. */
    @DeadlineHandler(deadlineName = REPORT_DUE)
    void recordMissedReport(RuleDeadline deadline, DeadlineManager deadlines) {
        if (!awaitingReports) {
            return;
        }
        apply(new SupervisionCaseReportMissedEvent(caseId, responsibleUnitId, missedReports + 1, deadline.days(),
                deadline.since(), deadline.dueOn()));
        RuleDeadline next = new RuleDeadline(deadline.since(), deadline.dueOn().plusDays(deadline.days()),
                deadline.days(), null);
        deadlines.schedule(next.triggersAt(), REPORT_DUE, next);
    }

    /**
     * 督办升级: every {@code periods} overdue records the case goes one level up the unit tree, once per level, up to
     * the root.
     */
    private void escalateIfDue(LocalDate overdueOn, UnitDirectory units, int periods) {
        int level = overdueCount / periods;
        if (overdueCount % periods != 0 || level <= escalations) {
            return;
        }
        units.parentOf(responsibleUnitId).ifPresent(parent -> apply(new SupervisionCaseEscalatedEvent(caseId,
                responsibleUnitId, parent, overdueCount, escalations + 1, periods, overdueOn)));
    }

    /** 流程: the workflow's steps are taken in order, once each. */
    private void requireNextStep(CaseStep step) {
        if (step == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "step is required");
        }
        CaseStep next = lastStep == null ? CaseStep.REVIEW
                : lastStep == CaseStep.CLOSE ? null : CaseStep.values()[lastStep.ordinal() + 1];
        if (step != next) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "cannot take step " + step + " of case " + caseId + ": "
                    + (next == null ? "the case is closed" : "the next step is " + next));
        }
    }

    private void requireExpectedVersion(Long expectedVersion) {
        Long current = AggregateLifecycle.getVersion();
        if (expectedVersion != null && !Objects.equals(expectedVersion, current)) {
            throw Refusal.of(ErrorCode.STALE_VERSION, "case " + caseId + " is at version " + current
                    + ", not at the expected version " + expectedVersion + "; reload it and decide again");
        }
    }

    @EventSourcingHandler
    void on(SupervisionCaseOpenedEvent event) {
        caseId = event.caseId();
        responsibleUnitId = event.leadUnitId();
        reportingFrequencyDays = event.reportingFrequencyDays();
        lastStepOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(CaseStepTakenEvent event) {
        lastStep = event.step();
        if (event.step() == CaseStep.ISSUE) {
            awaitingReports = true;
        } else if (event.step() == CaseStep.REPORT_BACK || event.step() == CaseStep.CLOSE) {
            awaitingReports = false;
        }
        lastStepOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(SupervisionCaseOverdueEvent event) {
        overdueCount = event.overdueCount();
    }

    @EventSourcingHandler
    void on(SupervisionCaseReportMissedEvent event) {
        missedReports = event.missedReports();
    }

    @EventSourcingHandler
    void on(SupervisionCaseEscalatedEvent event) {
        escalations = event.level();
        responsibleUnitId = event.toUnitId();
    }
}
