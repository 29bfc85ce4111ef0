package com.zhaoshang.ledger.command.activity;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.activity.RecordActivityCommand;
import com.zhaoshang.ledger.command.common.BusinessDates;
import com.zhaoshang.ledger.command.common.Refusal;
import com.zhaoshang.ledger.command.common.TextRules;
import com.zhaoshang.ledger.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An activity of a unit that counts against targets before there is a project (走访企业, 邀请客商考察, 推介会,
 * 外出招商). Rules:
 * <ul>
 *   <li>{@link #requireKnownUnit}: the unit is registered → {@link ErrorCode#UNKNOWN_REFERENCE};</li>
 *   <li>{@link #requireKindAndSubject}: a kind, and a subject non-blank of at most {@value #MAX_SUBJECT_LENGTH}
 *   characters → RULE_VIOLATED;</li>
 *   <li>the date rules of {@link BusinessDates}: {@code occurredOn} required, not in the future (injected clock,
 *   Asia/Shanghai), not before 2000-01-01 → RULE_VIOLATED.</li>
 * </ul>
 */
@Aggregate
public class Activity {

    public static final int MAX_SUBJECT_LENGTH = 200;

    @AggregateIdentifier
    private String activityId;

    /** Axon rebuilds an activity from its events through this constructor; it is there on purpose. */
    protected Activity() {
    }

    @CommandHandler
    public Activity(RecordActivityCommand command, UnitDirectory units, Clock clock) {
        requireKnownUnit(command, units);
        requireKindAndSubject(command);
        BusinessDates.requireDeclaredDate(command.occurredOn(), clock, "activity");
        apply(new ActivityRecordedEvent(command.activityId(), command.unitId(), command.kind(),
                command.subject().strip(), command.occurredOn()));
    }

    private static void requireKnownUnit(RecordActivityCommand command, UnitDirectory units) {
        if (command.unitId() == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "unitId is required: every activity belongs to a unit");
        }
        if (!units.exists(command.unitId())) {
            throw Refusal.of(ErrorCode.UNKNOWN_REFERENCE, "unit " + command.unitId() + " is not registered");
        }
    }

    private static void requireKindAndSubject(RecordActivityCommand command) {
        if (command.kind() == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "kind is required");
        }
        TextRules.requireText(command.subject(), "subject", MAX_SUBJECT_LENGTH);
    }

    @EventSourcingHandler
    void on(ActivityRecordedEvent event) {
        activityId = event.activityId();
    }
}
