package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
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
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import static com.zhaoshang.ledger.command.common.TextRules.requireText;

/**
 * An approval request (审批) with a time limit in working days (DOMAIN.md rule 5, 超时默认制, 泰州 2022). Only for
 * industrial projects of ≥ 1亿 CNY (domestic) or ≥ US$10m (foreign) — their industry and investment read from the
 * project's facts ({@link ProjectInvestments}); a request for any other project is refused (RULE_VIOLATED, 422). A
 * request not decided by its due date ({@link WorkingDays}) is deemed granted at the start of the next day
 * ({@link ApprovalDeemedGrantedEvent}), naming the department that let it lapse, which stays responsible; a decision
 * in time cancels the pending lapse. Decided (or deemed granted) once: after a deemed grant the department can no
 * longer refuse — not for a missing prerequisite, not for anything (ILLEGAL_TRANSITION, 409).
 */
@Aggregate
public class ApprovalRequest {

    public static final String LAPSE = "approval-time-limit";
    private static final Money DOMESTIC_THRESHOLD = Money.cny("100000000");
    private static final Money FOREIGN_THRESHOLD = Money.usd("10000000");

    @AggregateIdentifier
    private String approvalId;
    private String projectId;
    private String department;
    private LocalDate requestedOn;
    private boolean settled;
    private LocalDate deemedGrantedOn;

    protected ApprovalRequest() {
    }

    @CommandHandler
    public ApprovalRequest(RequestApprovalCommand command, Clock clock, DeadlineManager deadlines, UnitDirectory units,
                           ProjectInvestments projects, WorkingDays workingDays) {
        if (command.departmentUnitId() == null || !units.exists(command.departmentUnitId())) {
            throw Refusal.of(ErrorCode.UNKNOWN_REFERENCE, "department unit " + (command.departmentUnitId() == null
                    ? null : command.departmentUnitId().value()) + " is not registered");
        }
        requireText(command.subject(), "subject", 2000);
        if (command.timeLimitDays() <= 0) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "timeLimitDays must be positive, not " + command.timeLimitDays());
        }
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "approval request");
        ProjectInvestments.ProjectInvestment project = projects.of(command.projectId()).orElseThrow(() ->
                Refusal.of(ErrorCode.UNKNOWN_REFERENCE, "project " + command.projectId() + " is not registered"));
        requireDeemedGrantApplies(project);
        LocalDate dueOn = workingDays.plus(command.occurredOn(), command.timeLimitDays());
        apply(new ApprovalRequestedEvent(command.approvalId(), command.projectId(), command.departmentUnitId().value(),
                command.subject().strip(), project.industrial(), project.investment(), command.timeLimitDays(), dueOn,
                true, command.occurredOn()));
        RuleDeadline lapse = new RuleDeadline(command.occurredOn(), dueOn.plusDays(1), command.timeLimitDays(), dueOn);
        deadlines.schedule(lapse.triggersAt(), LAPSE, lapse);
    }

    /** 超时默认 is for industrial projects of at least 1亿 CNY or US$10m: a request for another project is refused. */
    private static void requireDeemedGrantApplies(ProjectInvestments.ProjectInvestment project) {
        if (!deemedGrantApplies(project.industrial(), project.investment())) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "approval requests with a deemed grant (超时默认) are for "
                    + "industrial projects (industry sections B, C, D) of at least 100000000 CNY or 10000000 USD; "
                    + "project " + project.projectId() + " is " + (project.industrial() ? "" : "not ")
                    + "industrial (" + project.industryCode() + ") with an investment of "
                    + (project.investment() == null ? "none recorded" : project.investment().amount().toPlainString()
                    + " " + project.investment().currency()));
        }
    }

    /** 泰州 2022: 超时默认 applies to industrial projects of ≥ 1亿 CNY domestic or ≥ US$10m foreign investment. */
    static boolean deemedGrantApplies(boolean industrial, Money investment) {
        if (!industrial || investment == null) {
            return false;
        }
        Money threshold = investment.currency() == Currency.USD ? FOREIGN_THRESHOLD : DOMESTIC_THRESHOLD;
        return investment.compareTo(threshold) >= 0;
    }

    @CommandHandler
    public Long handle(DecideApprovalCommand command, Clock clock, DeadlineManager deadlines) {
        Long current = AggregateLifecycle.getVersion();
        if (command.expectedVersion() != null && !Objects.equals(command.expectedVersion(), current)) {
            throw Refusal.of(ErrorCode.STALE_VERSION, "approval " + approvalId + " is at version " + current
                    + ", not at the expected version " + command.expectedVersion());
        }
        requireUndecided(command.granted());
        requireText(command.reason(), "reason", 2000);
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "approval decision");
        BusinessDates.requireNotBefore(command.occurredOn(), requestedOn, "approval decision", "request");
        deadlines.cancelAllWithinScope(LAPSE);
        apply(new ApprovalDecidedEvent(approvalId, department, command.granted(), command.reason().strip(),
                command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    /** Decided once; a deemed grant stands: the lapsed department may no longer refuse (缺席默认). */
    private void requireUndecided(boolean granting) {
        if (deemedGrantedOn != null) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "approval " + approvalId + " was deemed granted on "
                    + deemedGrantedOn + " when department " + department + " let its time limit lapse (超时默认); "
                    + (granting ? "it needs no decision any more" : "it can no longer be refused, not even for a "
                    + "missing prerequisite, and the department stays responsible"));
        }
        if (settled) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "approval " + approvalId + " is decided already");
        }
    }

    /** 超时默认: the time limit lapsed undecided → deemed granted; the lapsed department stays responsible. */
    @DeadlineHandler(deadlineName = LAPSE)
    void deemGranted(RuleDeadline deadline) {
        if (settled) {
            return;
        }
        apply(new ApprovalDeemedGrantedEvent(approvalId, projectId, department, deadline.days(), deadline.deadlineOn(),
                deadline.dueOn()));
    }

    @EventSourcingHandler
    void on(ApprovalRequestedEvent event) {
        approvalId = event.approvalId();
        projectId = event.projectId();
        department = event.department();
        requestedOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(ApprovalDecidedEvent event) {
        settled = true;
    }

    @EventSourcingHandler
    void on(ApprovalDeemedGrantedEvent event) {
        settled = true;
        deemedGrantedOn = event.occurredOn();
    }
}
