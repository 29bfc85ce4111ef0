package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.command.common.BusinessDates;
import com.zhaoshang.ledger.command.common.Refusal;
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
 * An approval request (审批) with a time limit in working days (DOMAIN.md rule 5, 超时默认制). For industrial projects
 * of ≥ 1亿 CNY (domestic) or ≥ US$10m (foreign) a request not decided by its due date is deemed granted at the start
 * of the next day ({@link ApprovalDeemedGrantedEvent}), naming the department that let it lapse; a decision cancels
 * the pending lapse. Other requests are only recorded. Decided (or deemed granted) once.
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

    protected ApprovalRequest() {
    }

    @CommandHandler
    public ApprovalRequest(RequestApprovalCommand command, Clock clock, DeadlineManager deadlines) {
        requireText(command.department(), "department", 200);
        requireText(command.subject(), "subject", 2000);
        if (command.timeLimitDays() <= 0) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "timeLimitDays must be positive, not " + command.timeLimitDays());
        }
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "approval request");
        boolean applies = deemedGrantApplies(command.industrial(), command.investment());
        LocalDate dueOn = WorkingDays.plus(command.occurredOn(), command.timeLimitDays());
        apply(new ApprovalRequestedEvent(command.approvalId(), command.projectId(), command.department().strip(),
                command.subject().strip(), command.industrial(), command.investment(), command.timeLimitDays(), dueOn,
                applies, command.occurredOn()));
        if (applies) {
            RuleDeadline lapse = new RuleDeadline(command.occurredOn(), dueOn.plusDays(1), command.timeLimitDays(),
                    dueOn);
            deadlines.schedule(lapse.triggersAt(), LAPSE, lapse);
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
        if (settled) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "approval " + approvalId
                    + " is settled already (decided, or deemed granted when its time limit lapsed)");
        }
        requireText(command.reason(), "reason", 2000);
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "approval decision");
        BusinessDates.requireNotBefore(command.occurredOn(), requestedOn, "approval decision", "request");
        deadlines.cancelAllWithinScope(LAPSE);
        apply(new ApprovalDecidedEvent(approvalId, department, command.granted(), command.reason().strip(),
                command.occurredOn()));
        return AggregateLifecycle.getVersion();
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
    }
}
