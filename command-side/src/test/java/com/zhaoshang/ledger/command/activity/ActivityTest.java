package com.zhaoshang.ledger.command.activity;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.activity.RecordActivityCommand;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.hamcrest.Matchers.containsString;

/** One fixture test per rule of {@link Activity}. */
class ActivityTest {

    private static final String ACTIVITY = "0b7e3a55-6d1c-4c55-8a7e-3c1f0f6a2b11";
    private static final UnitId UNIT = new UnitId("360802");
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    private FixtureConfiguration<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        fixture.registerInjectableResource(new InMemoryUnitDirectory().with("360800").with("360802", "360800"));
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anActivityOfARegisteredUnitIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, UNIT, ActivityKind.COMPANY_VISIT, " 走访比亚迪 ", TODAY))
                .expectEvents(new ActivityRecordedEvent(ACTIVITY, UNIT, ActivityKind.COMPANY_VISIT, "走访比亚迪", TODAY))
                .expectResultMessagePayload(ACTIVITY);
    }

    @Test
    void anActivityOfAnUnknownUnitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, new UnitId("360899"), ActivityKind.COMPANY_VISIT, "走访", TODAY))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                .expectExceptionMessage(containsString("360899"))
                .expectNoEvents();
    }

    @Test
    void aSubjectMustNotBeBlank() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, UNIT, ActivityKind.PROMOTION_EVENT, "  ", TODAY))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("subject"));
    }

    @Test
    void aSubjectHasAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, UNIT, ActivityKind.PROMOTION_EVENT, "会".repeat(201), TODAY))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("at most 200"));
    }

    @Test
    void aKindIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, UNIT, null, "走访", TODAY))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
    }

    @Test
    void occurredOnInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, UNIT, ActivityKind.OUTBOUND_TRIP, "赴深圳招商", TODAY.plusDays(1)))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("future"));
    }

    @Test
    void occurredOnBefore2000IsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, UNIT, ActivityKind.OUTBOUND_TRIP, "赴深圳招商",
                        LocalDate.of(1999, 12, 31)))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED);
    }

    @Test
    void occurredOnIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RecordActivityCommand(ACTIVITY, UNIT, ActivityKind.INVESTOR_INSPECTION, "客商考察", null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("occurredOn is required"));
    }
}
