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
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import static com.zhaoshang.ledger.command.common.TextRules.requireText;

/**
 * An investor's complaint (投诉, "件件有着落、事事有回音", DOMAIN.md rule 4): the receiving unit records a response within
 * {@code ledger.rules.complaint-response-working-days} working days ({@link WorkingDays}); otherwise, at the start
 * of the next day, the complaint is escalated one level up the unit tree ({@link ComplaintEscalatedEvent}) and the
 * parent has the same limit, up to the root. An answer cancels the pending escalation; a complaint is answered once.
 */
@Aggregate
public class Complaint {

    public static final String ANSWER_DUE = "complaint-answer-due";
    private static final int MAX_TEXT = 2000;

    @AggregateIdentifier
    private String complaintId;
    private UnitId responsibleUnitId;
    private LocalDate answerDueOn;
    private LocalDate receivedOn;
    private boolean answered;
    private int escalations;

    protected Complaint() {
    }

    @CommandHandler
    public Complaint(ReceiveComplaintCommand command, Clock clock, DeadlineManager deadlines, SupervisionRules rules,
                     UnitDirectory units, WorkingDays workingDays) {
        if (command.unitId() == null || !units.exists(command.unitId())) {
            throw Refusal.of(ErrorCode.UNKNOWN_REFERENCE, "unit " + (command.unitId() == null ? null
                    : command.unitId().value()) + " is not registered");
        }
        requireText(command.complainant(), "complainant", 200);
        requireText(command.subject(), "subject", MAX_TEXT);
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "complaint");
        int days = rules.complaintResponseWorkingDays();
        LocalDate dueOn = workingDays.plus(command.occurredOn(), days);
        apply(new ComplaintReceivedEvent(command.complaintId(), command.unitId(), command.projectId(),
                command.complainant().strip(), command.subject().strip(), days, dueOn, command.occurredOn()));
        scheduleEscalation(deadlines, dueOn, days);
    }

    @CommandHandler
    public Long handle(AnswerComplaintCommand command, Clock clock, DeadlineManager deadlines) {
        Long current = AggregateLifecycle.getVersion();
        if (command.expectedVersion() != null && !Objects.equals(command.expectedVersion(), current)) {
            throw Refusal.of(ErrorCode.STALE_VERSION, "complaint " + complaintId + " is at version " + current
                    + ", not at the expected version " + command.expectedVersion());
        }
        if (answered) {
            throw Refusal.of(ErrorCode.ILLEGAL_TRANSITION, "complaint " + complaintId + " is answered already");
        }
        requireText(command.answer(), "answer", MAX_TEXT);
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "answer");
        BusinessDates.requireNotBefore(command.occurredOn(), receivedOn, "answer", "complaint");
        deadlines.cancelAllWithinScope(ANSWER_DUE);
        apply(new ComplaintAnsweredEvent(complaintId, responsibleUnitId, command.answer().strip(),
                !command.occurredOn().isAfter(answerDueOn), command.occurredOn()));
        return AggregateLifecycle.getVersion();
    }

    /** 逐级上报: not answered in time → one level up the unit tree, with a new limit for the parent. */
    @DeadlineHandler(deadlineName = ANSWER_DUE)
    void escalate(RuleDeadline deadline, DeadlineManager deadlines, UnitDirectory units, WorkingDays workingDays) {
        if (answered) {
            return;
        }
        UnitId parent = units.parentOf(responsibleUnitId).orElse(null);
        LocalDate nextDueOn = parent == null ? null : workingDays.plus(deadline.dueOn(), deadline.days());
        apply(new ComplaintEscalatedEvent(complaintId, responsibleUnitId, parent, answerDueOn, deadline.days(),
                escalations + 1, nextDueOn, deadline.dueOn()));
        if (parent != null) {
            scheduleEscalation(deadlines, nextDueOn, deadline.days());
        }
    }

    private static void scheduleEscalation(DeadlineManager deadlines, LocalDate dueOn, int days) {
        RuleDeadline escalation = new RuleDeadline(dueOn, dueOn.plusDays(1), days, dueOn);
        deadlines.schedule(escalation.triggersAt(), ANSWER_DUE, escalation);
    }

    @EventSourcingHandler
    void on(ComplaintReceivedEvent event) {
        complaintId = event.complaintId();
        responsibleUnitId = event.unitId();
        answerDueOn = event.answerDueOn();
        receivedOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(ComplaintAnsweredEvent event) {
        answered = true;
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        escalations = event.level();
        if (event.toUnitId() != null) {
            responsibleUnitId = event.toUnitId();
            answerDueOn = event.nextAnswerDueOn();
        }
    }
}
