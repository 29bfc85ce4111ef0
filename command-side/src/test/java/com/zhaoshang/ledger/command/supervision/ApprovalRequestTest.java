package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.command.common.LedgerTime;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** 超时默认: an approval left alone past its time limit is deemed granted once, naming the lapsed department. */
class ApprovalRequestTest {

    private static final String APPROVAL = "approval-1";
    private static final String DEPARTMENT = "市自然资源局";
    /** A Monday; 10 working days later is Monday 2024-09-16. */
    private static final LocalDate REQUESTED_ON = LocalDate.of(2024, 9, 2);
    private static final LocalDate DUE_ON = LocalDate.of(2024, 9, 16);
    private static final Instant REQUEST_TIME = Instant.parse("2024-09-02T02:00:00Z");

    private AggregateTestFixture<ApprovalRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApprovalRequest.class);
        fixture.registerInjectableResource(new FollowingClock(fixture));
    }

    private static RequestApprovalCommand request(boolean industrial, Money investment) {
        return new RequestApprovalCommand(APPROVAL, "project-1", DEPARTMENT, "建设用地规划许可", industrial, investment, 10,
                REQUESTED_ON);
    }

    private static ApprovalRequestedEvent requested(boolean industrial, Money investment, boolean applies) {
        return new ApprovalRequestedEvent(APPROVAL, "project-1", DEPARTMENT, "建设用地规划许可", industrial, investment, 10,
                DUE_ON, applies, REQUESTED_ON);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LedgerTime.ZONE).toInstant();
    }

    @Test
    void aLargeIndustrialProjectsRequestIsDeemedGrantedTheDayAfterItsLimit() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGivenCommands(request(true, Money.cny("100000000")))
                .whenTimeAdvancesTo(startOf(LocalDate.of(2025, 1, 1)))
                .expectEvents(new ApprovalDeemedGrantedEvent(APPROVAL, "project-1", DEPARTMENT, 10, DUE_ON,
                        DUE_ON.plusDays(1)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void notDeemedGrantedOnTheLastDay() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGivenCommands(request(true, Money.usd("10000000")))
                .whenTimeAdvancesTo(startOf(DUE_ON.plusDays(1)).minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void smallOrNonIndustrialProjectsAreOnlyRecorded() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .when(request(true, Money.cny("99999999.99")))
                .expectEvents(requested(true, Money.cny("99999999.99"), false))
                .expectNoScheduledDeadlines();
        fixture.givenCurrentTime(REQUEST_TIME)
                .when(request(false, Money.cny("500000000")))
                .expectEvents(requested(false, Money.cny("500000000"), false))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDecisionInTimeCancelsTheLapse() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGivenCommands(request(true, Money.cny("200000000")))
                .when(new DecideApprovalCommand(APPROVAL, false, "材料不全", REQUESTED_ON, null))
                .expectEvents(new ApprovalDecidedEvent(APPROVAL, DEPARTMENT, false, "材料不全", REQUESTED_ON))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDeemedGrantCannotBeDecidedAgain() {
        fixture.givenCurrentTime(startOf(DUE_ON.plusDays(2)))
                .andGiven(requested(true, Money.cny("200000000"), true),
                        new ApprovalDeemedGrantedEvent(APPROVAL, "project-1", DEPARTMENT, 10, DUE_ON, DUE_ON.plusDays(1)))
                .when(new DecideApprovalCommand(APPROVAL, false, "补充材料", DUE_ON.plusDays(2), null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                .expectNoEvents();
    }

    private static final class FollowingClock extends Clock {
        private final AggregateTestFixture<ApprovalRequest> fixture;

        FollowingClock(AggregateTestFixture<ApprovalRequest> fixture) {
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
