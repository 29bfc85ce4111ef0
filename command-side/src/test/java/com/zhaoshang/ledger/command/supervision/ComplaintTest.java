package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.common.LedgerTime;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Complaints are answered within 5 working days or escalated one level up the unit tree, once per lapse. */
class ComplaintTest {

    private static final String COMPLAINT = "complaint-1";
    private static final UnitId CITY = new UnitId("360800");
    private static final UnitId DISTRICT = new UnitId("360802");
    /** A Friday. */
    private static final LocalDate RECEIVED_ON = LocalDate.of(2024, 9, 6);
    /** Five working days later: the next Friday. */
    private static final LocalDate DUE_ON = LocalDate.of(2024, 9, 13);
    private static final Instant RECEIVING_TIME = Instant.parse("2024-09-06T02:00:00Z");

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(new FollowingClock(fixture));
        fixture.registerInjectableResource(SupervisionRules.defaults());
        fixture.registerInjectableResource(WorkingDaysTest.defaults2026());
        fixture.registerInjectableResource(new InMemoryUnitDirectory().with("360800").with("360802", "360800"));
    }

    private static ReceiveComplaintCommand receive() {
        return new ReceiveComplaintCommand(COMPLAINT, DISTRICT, "project-1", "阿尔法新材料有限公司", "用地手续迟迟未办",
                RECEIVED_ON);
    }

    private static ComplaintReceivedEvent received() {
        return new ComplaintReceivedEvent(COMPLAINT, DISTRICT, "project-1", "阿尔法新材料有限公司", "用地手续迟迟未办", 5,
                DUE_ON, RECEIVED_ON);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LedgerTime.ZONE).toInstant();
    }

    @Test
    void aComplaintIsDueInFiveWorkingDays() {
        fixture.givenCurrentTime(RECEIVING_TIME)
                .when(receive())
                .expectEvents(received())
                .expectScheduledDeadlineWithName(startOf(DUE_ON.plusDays(1)), Complaint.ANSWER_DUE);
    }

    @Test
    void aComplaintToAnUnknownUnitIsRefused() {
        fixture.givenCurrentTime(RECEIVING_TIME)
                .when(new ReceiveComplaintCommand(COMPLAINT, new UnitId("369999"), null, "某公司", "某事", RECEIVED_ON))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                .expectNoEvents();
    }

    @Test
    void answeredOnTimeNoEscalation() {
        fixture.givenCurrentTime(startOf(DUE_ON).plusSeconds(3600))
                .andGivenCommands(receive())
                .when(new AnswerComplaintCommand(COMPLAINT, "已协调国土部门办理", DUE_ON, null))
                .expectEvents(new ComplaintAnsweredEvent(COMPLAINT, DISTRICT, "已协调国土部门办理", true, DUE_ON))
                .expectNoScheduledDeadlines();
    }

    @Test
    void notEscalatedOnTheLastDay() {
        fixture.givenCurrentTime(RECEIVING_TIME)
                .andGivenCommands(receive())
                .whenTimeAdvancesTo(startOf(DUE_ON.plusDays(1)).minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void escalatedToTheParentUnitTheDayAfterOnce() {
        LocalDate escalatedOn = DUE_ON.plusDays(1);
        LocalDate parentDueOn = LocalDate.of(2024, 9, 20);
        fixture.givenCurrentTime(RECEIVING_TIME)
                .andGivenCommands(receive())
                .whenTimeAdvancesTo(startOf(escalatedOn))
                .expectEvents(new ComplaintEscalatedEvent(COMPLAINT, DISTRICT, CITY, DUE_ON, 5, 1, parentDueOn,
                        escalatedOn))
                .expectScheduledDeadlineWithName(startOf(parentDueOn.plusDays(1)), Complaint.ANSWER_DUE);
    }

    @Test
    void atTheRootTheLapseIsRecordedAndNothingHigher() {
        LocalDate parentDueOn = LocalDate.of(2024, 9, 20);
        fixture.givenCurrentTime(RECEIVING_TIME)
                .andGivenCommands(receive())
                .whenTimeAdvancesTo(startOf(LocalDate.of(2024, 12, 31)))
                .expectEvents(new ComplaintEscalatedEvent(COMPLAINT, DISTRICT, CITY, DUE_ON, 5, 1, parentDueOn,
                                DUE_ON.plusDays(1)),
                        new ComplaintEscalatedEvent(COMPLAINT, CITY, null, parentDueOn, 5, 2, null,
                                parentDueOn.plusDays(1)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aLateAnswerIsRecordedAsLateFromTheUnitThenResponsible() {
        LocalDate answeredOn = LocalDate.of(2024, 9, 30);
        fixture.givenCurrentTime(startOf(answeredOn).plusSeconds(3600))
                .andGiven(received(), new ComplaintEscalatedEvent(COMPLAINT, DISTRICT, CITY, DUE_ON, 5, 1,
                        LocalDate.of(2024, 9, 20), DUE_ON.plusDays(1)))
                .when(new AnswerComplaintCommand(COMPLAINT, "市局已督办", answeredOn, null))
                .expectEvents(new ComplaintAnsweredEvent(COMPLAINT, CITY, "市局已督办", false, answeredOn));
    }

    @Test
    void aComplaintIsAnsweredOnce() {
        fixture.givenCurrentTime(startOf(DUE_ON))
                .andGiven(received(), new ComplaintAnsweredEvent(COMPLAINT, DISTRICT, "已办理", true, DUE_ON))
                .when(new AnswerComplaintCommand(COMPLAINT, "再次答复", DUE_ON, null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                .expectNoEvents();
    }

    /** Received Wednesday 2026-09-30: due Tuesday 2026-10-13 (8, 9, 10 (Saturday, 调休), 12, 13 Oct). */
    private static final LocalDate BEFORE_NATIONAL_DAY = LocalDate.of(2026, 9, 30);
    private static final LocalDate DUE_AFTER_NATIONAL_DAY = LocalDate.of(2026, 10, 13);

    private static ReceiveComplaintCommand receiveBeforeNationalDay() {
        return new ReceiveComplaintCommand(COMPLAINT, DISTRICT, null, "阿尔法新材料有限公司", "国庆前投诉",
                BEFORE_NATIONAL_DAY);
    }

    @Test
    void theFiveWorkingDaysSkip国庆AndCountThe调休Saturday() {
        fixture.givenCurrentTime(Instant.parse("2026-09-30T02:00:00Z"))
                .when(receiveBeforeNationalDay())
                .expectEvents(new ComplaintReceivedEvent(COMPLAINT, DISTRICT, null, "阿尔法新材料有限公司", "国庆前投诉", 5,
                        DUE_AFTER_NATIONAL_DAY, BEFORE_NATIONAL_DAY))
                .expectScheduledDeadlineWithName(startOf(DUE_AFTER_NATIONAL_DAY.plusDays(1)), Complaint.ANSWER_DUE);
    }

    @Test
    void notEscalatedOnTheLastWorkingDayAfter国庆() {
        fixture.givenCurrentTime(Instant.parse("2026-09-30T02:00:00Z"))
                .andGivenCommands(receiveBeforeNationalDay())
                .whenTimeAdvancesTo(startOf(DUE_AFTER_NATIONAL_DAY.plusDays(1)).minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void escalatedTheDayAfterWithTheParentsLimitCountedOnTheCalendar() {
        // Escalated on Wednesday 14 Oct; the city's limit counts from then: 15, 16, 19, 20, 21 Oct.
        fixture.givenCurrentTime(Instant.parse("2026-09-30T02:00:00Z"))
                .andGivenCommands(receiveBeforeNationalDay())
                .whenTimeAdvancesTo(startOf(DUE_AFTER_NATIONAL_DAY.plusDays(1)))
                .expectEvents(new ComplaintEscalatedEvent(COMPLAINT, DISTRICT, CITY, DUE_AFTER_NATIONAL_DAY, 5, 1,
                        LocalDate.of(2026, 10, 21), DUE_AFTER_NATIONAL_DAY.plusDays(1)));
    }

    private static final class FollowingClock extends Clock {
        private final AggregateTestFixture<Complaint> fixture;

        FollowingClock(AggregateTestFixture<Complaint> fixture) {
            this.fixture = fixture;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
