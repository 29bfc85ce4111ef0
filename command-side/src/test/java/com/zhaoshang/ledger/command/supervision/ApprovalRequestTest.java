package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;

/**
 * 超时默认: an approval for a large industrial project left alone past its time limit is deemed granted once, naming
 * the lapsed department; a decision in time cancels the lapse; other projects' requests are refused.
 */
class ApprovalRequestTest {

    private static final String APPROVAL = "approval-1";
    private static final String PROJECT = "project-1";
    private static final UnitId DEPARTMENT = new UnitId("ja-zrzyj");
    /** A Monday; 10 working days later is Monday 2024-09-16. */
    private static final LocalDate REQUESTED_ON = LocalDate.of(2024, 9, 2);
    private static final LocalDate DUE_ON = LocalDate.of(2024, 9, 16);
    private static final Instant REQUEST_TIME = Instant.parse("2024-09-02T02:00:00Z");

    private AggregateTestFixture<ApprovalRequest> fixture;
    private final Map<String, ProjectInvestments.ProjectInvestment> projects = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApprovalRequest.class);
        fixture.registerInjectableResource(new FollowingClock(fixture));
        fixture.registerInjectableResource(new InMemoryUnitDirectory().with("360800").with("ja-zrzyj", "360800"));
        fixture.registerInjectableResource((ProjectInvestments) id -> Optional.ofNullable(projects.get(id)));
        fixture.registerInjectableResource(WorkingDaysTest.defaults2026());
        project("C3011", Money.cny("200000000"));
    }

    private void project(String industry, Money investment) {
        projects.put(PROJECT, new ProjectInvestments.ProjectInvestment(PROJECT, IndustryCode.of(industry), investment));
    }

    private static RequestApprovalCommand request() {
        return new RequestApprovalCommand(APPROVAL, PROJECT, DEPARTMENT, "建设用地规划许可", 10, REQUESTED_ON);
    }

    private static ApprovalRequestedEvent requested(Money investment) {
        return new ApprovalRequestedEvent(APPROVAL, PROJECT, DEPARTMENT.value(), "建设用地规划许可", true, investment, 10,
                DUE_ON, true, REQUESTED_ON);
    }

    private static ApprovalDeemedGrantedEvent deemedGranted() {
        return new ApprovalDeemedGrantedEvent(APPROVAL, PROJECT, DEPARTMENT.value(), 10, DUE_ON, DUE_ON.plusDays(1));
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LedgerTime.ZONE).toInstant();
    }

    @Test
    void aLargeIndustrialProjectsRequestIsRecordedWithItsDueDateAndLapse() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .when(request())
                .expectEvents(requested(Money.cny("200000000")))
                .expectScheduledDeadlineWithName(startOf(DUE_ON.plusDays(1)), ApprovalRequest.LAPSE);
    }

    @Test
    void aLargeIndustrialProjectsRequestIsDeemedGrantedTheDayAfterItsLimit() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGivenCommands(request())
                .whenTimeAdvancesTo(startOf(DUE_ON.plusDays(1)))
                .expectEvents(deemedGranted())
                .expectNoScheduledDeadlines();
    }

    @Test
    void notDeemedGrantedOnTheLastDay() {
        project("C3011", Money.usd("10000000"));
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGivenCommands(request())
                .whenTimeAdvancesTo(startOf(DUE_ON.plusDays(1)).minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void deemedGrantedOnceEvenLongAfter() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGivenCommands(request())
                .whenTimeAdvancesTo(startOf(LocalDate.of(2025, 1, 1)))
                .expectEvents(deemedGranted());
    }

    @Test
    void aSmallProjectsRequestIsRefusedNamingTheThreshold() {
        project("C3011", Money.cny("99999999.99"));
        fixture.givenCurrentTime(REQUEST_TIME)
                .when(request())
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("99999999.99 CNY"))
                .expectNoEvents();
    }

    @Test
    void aNonIndustrialProjectsRequestIsRefused() {
        project("I6510", Money.cny("500000000"));
        fixture.givenCurrentTime(REQUEST_TIME)
                .when(request())
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(containsString("not industrial"))
                .expectNoEvents();
    }

    @Test
    void anUnknownProjectOrDepartmentIsRefused() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .when(new RequestApprovalCommand(APPROVAL, "no-such-project", DEPARTMENT, "许可", 10, REQUESTED_ON))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                .expectNoEvents();
        fixture.givenCurrentTime(REQUEST_TIME)
                .when(new RequestApprovalCommand(APPROVAL, PROJECT, new UnitId("360899"), "许可", 10, REQUESTED_ON))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.UNKNOWN_REFERENCE)
                .expectNoEvents();
    }

    @Test
    void aDecisionInTimeCancelsTheLapse() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGivenCommands(request())
                .when(new DecideApprovalCommand(APPROVAL, false, "材料不全", REQUESTED_ON, null))
                .expectEvents(new ApprovalDecidedEvent(APPROVAL, DEPARTMENT.value(), false, "材料不全", REQUESTED_ON))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDecisionIsTakenOnce() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGiven(requested(Money.cny("200000000")),
                        new ApprovalDecidedEvent(APPROVAL, DEPARTMENT.value(), true, "同意", REQUESTED_ON))
                .when(new DecideApprovalCommand(APPROVAL, false, "改变主意", REQUESTED_ON, null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                .expectNoEvents();
    }

    @Test
    void afterADeemedGrantTheDepartmentCannotRefuseForAMissingPrerequisite() {
        fixture.givenCurrentTime(startOf(DUE_ON.plusDays(2)))
                .andGiven(requested(Money.cny("200000000")), deemedGranted())
                .when(new DecideApprovalCommand(APPROVAL, false, "缺少前置审批文件", DUE_ON.plusDays(2), null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                .expectExceptionMessage(containsString("can no longer be refused"))
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.givenCurrentTime(REQUEST_TIME)
                .andGiven(requested(Money.cny("200000000")))
                .when(new DecideApprovalCommand(APPROVAL, true, "同意", REQUESTED_ON, 3L))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.STALE_VERSION)
                .expectNoEvents();
    }

    @Test
    void theLimitCountsWorkingDaysOfTheCalendar() {
        // Requested Wednesday 2026-09-30 with 5 working days: 国庆 1-7 Oct skipped, Saturday 10 Oct (调休) counted.
        LocalDate requestedOn = LocalDate.of(2026, 9, 30);
        LocalDate dueOn = LocalDate.of(2026, 10, 13);
        fixture.givenCurrentTime(Instant.parse("2026-09-30T02:00:00Z"))
                .when(new RequestApprovalCommand(APPROVAL, PROJECT, DEPARTMENT, "许可", 5, requestedOn))
                .expectEvents(new ApprovalRequestedEvent(APPROVAL, PROJECT, DEPARTMENT.value(), "许可", true,
                        Money.cny("200000000"), 5, dueOn, true, requestedOn))
                .expectScheduledDeadlineWithName(startOf(dueOn.plusDays(1)), ApprovalRequest.LAPSE);
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
