package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.common.LedgerTime;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** The supervision case workflow, its refusals and its overdue records, with time moved by the fixture. */
class SupervisionCaseTest {

    private static final String CASE = "case-1";
    private static final LocalDate OPENED_ON = LocalDate.of(2024, 9, 1);
    private static final LocalDate DEADLINE_ON = LocalDate.of(2024, 9, 30);
    private static final Instant OPENING_TIME = Instant.parse("2024-09-01T02:00:00Z");
    private static final UnitId DISTRICT = new UnitId("360802");
    private static final ResponsibleLeader LEADER = new ResponsibleLeader("王明", "副区长", "wangming");

    private FixtureConfiguration<SupervisionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupervisionCase.class);
        fixture.registerInjectableResource(new FollowingClock((AggregateTestFixture<SupervisionCase>) fixture));
        fixture.registerInjectableResource(new InMemoryUnitDirectory().with("360800").with("360802", "360800"));
        fixture.registerInjectableResource(SupervisionRules.defaults());
    }

    private static OpenSupervisionCaseCommand open() {
        return new OpenSupervisionCaseCommand(CASE, "年产5万吨新材料项目超期未开工", "project-1",
                SupervisionRule.CONSTRUCTION_DEADLINE, DISTRICT, List.of(new UnitId("360800")), LEADER, DEADLINE_ON,
                7, OPENED_ON);
    }

    private static SupervisionCaseOpenedEvent opened() {
        return new SupervisionCaseOpenedEvent(CASE, "年产5万吨新材料项目超期未开工", "project-1",
                SupervisionRule.CONSTRUCTION_DEADLINE, DISTRICT, List.of(new UnitId("360800")), LEADER, DEADLINE_ON,
                7, OPENED_ON);
    }

    private static TakeCaseStepCommand step(CaseStep step) {
        return new TakeCaseStepCommand(CASE, step, "已办理", OPENED_ON, null);
    }

    private static CaseStepTakenEvent taken(CaseStep step) {
        return new CaseStepTakenEvent(CASE, step, "已办理", OPENED_ON);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LedgerTime.ZONE).toInstant();
    }

    @Test
    void openingRecordsTheCaseAndSchedulesItsOverdueRecord() {
        fixture.givenCurrentTime(OPENING_TIME)
                .when(open())
                .expectEvents(opened())
                .expectScheduledDeadlineWithName(startOf(DEADLINE_ON.plusDays(1)), SupervisionCase.OVERDUE);
    }

    @Test
    void openingWithoutALeadUnitIsRefused() {
        fixture.givenCurrentTime(OPENING_TIME)
                .when(new OpenSupervisionCaseCommand(CASE, "某事项", null, null, null, null, null, DEADLINE_ON, 7,
                        OPENED_ON))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectNoEvents();
    }

    @Test
    void theStepsAreTakenInOrder() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGiven(opened(), taken(CaseStep.REVIEW), taken(CaseStep.ISSUE), taken(CaseStep.ACKNOWLEDGE),
                        taken(CaseStep.HANDLE), taken(CaseStep.REPORT_BACK))
                .when(step(CaseStep.RECHECK))
                .expectEvents(taken(CaseStep.RECHECK));
    }

    @Test
    void aStepOutOfOrderIsRefusedNamingTheNextStep() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGiven(opened(), taken(CaseStep.REVIEW))
                .when(step(CaseStep.HANDLE))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the next step is ISSUE"))
                .expectNoEvents();
    }

    @Test
    void aClosedCaseTakesNoFurtherStep() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGiven(opened(), taken(CaseStep.REVIEW), taken(CaseStep.ISSUE), taken(CaseStep.ACKNOWLEDGE),
                        taken(CaseStep.HANDLE), taken(CaseStep.REPORT_BACK), taken(CaseStep.RECHECK),
                        taken(CaseStep.CLOSE))
                .when(step(CaseStep.CLOSE))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                .expectNoEvents();
    }

    @Test
    void notOverdueOnTheDeadline() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open())
                .whenTimeAdvancesTo(startOf(DEADLINE_ON.plusDays(1)).minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void overdueTheDayAfterTheDeadlineThenEveryReportingPeriodCountingUp() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open())
                .whenTimeAdvancesTo(startOf(DEADLINE_ON.plusDays(8)).minusSeconds(1))
                .expectEvents(new SupervisionCaseOverdueEvent(CASE, DEADLINE_ON, 1, 7, DEADLINE_ON.plusDays(1)))
                .expectScheduledDeadlineWithName(startOf(DEADLINE_ON.plusDays(8)), SupervisionCase.OVERDUE);
    }

    @Test
    void escalatedToTheParentUnitOnTheSecondOverdueRecord() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open())
                .whenTimeAdvancesTo(startOf(DEADLINE_ON.plusDays(8)))
                .expectEvents(new SupervisionCaseOverdueEvent(CASE, DEADLINE_ON, 1, 7, DEADLINE_ON.plusDays(1)),
                        new SupervisionCaseOverdueEvent(CASE, DEADLINE_ON, 2, 7, DEADLINE_ON.plusDays(8)),
                        new SupervisionCaseEscalatedEvent(CASE, DISTRICT, new UnitId("360800"), 2, 1, 2,
                                DEADLINE_ON.plusDays(8)))
                .expectScheduledDeadlineWithName(startOf(DEADLINE_ON.plusDays(15)), SupervisionCase.OVERDUE);
    }

    @Test
    void escalatedOncePerLevelAndNothingAboveTheRoot() {
        // Records 3 and 4 (days 15 and 22 after the deadline): the second level would be above the city, the root.
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open())
                .whenTimeAdvancesTo(startOf(DEADLINE_ON.plusDays(22)))
                .expectEvents(new SupervisionCaseOverdueEvent(CASE, DEADLINE_ON, 1, 7, DEADLINE_ON.plusDays(1)),
                        new SupervisionCaseOverdueEvent(CASE, DEADLINE_ON, 2, 7, DEADLINE_ON.plusDays(8)),
                        new SupervisionCaseEscalatedEvent(CASE, DISTRICT, new UnitId("360800"), 2, 1, 2,
                                DEADLINE_ON.plusDays(8)),
                        new SupervisionCaseOverdueEvent(CASE, DEADLINE_ON, 3, 7, DEADLINE_ON.plusDays(15)),
                        new SupervisionCaseOverdueEvent(CASE, DEADLINE_ON, 4, 7, DEADLINE_ON.plusDays(22)));
    }

    @Test
    void aClosedCaseIsNeitherOverdueNorEscalated() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open(), step(CaseStep.REVIEW), step(CaseStep.ISSUE), step(CaseStep.ACKNOWLEDGE),
                        step(CaseStep.HANDLE), step(CaseStep.REPORT_BACK), step(CaseStep.RECHECK),
                        step(CaseStep.CLOSE))
                .whenTimeAdvancesTo(startOf(DEADLINE_ON.plusDays(30)))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void closingCancelsTheOverdueRecord() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open(), step(CaseStep.REVIEW), step(CaseStep.ISSUE), step(CaseStep.ACKNOWLEDGE),
                        step(CaseStep.HANDLE), step(CaseStep.REPORT_BACK), step(CaseStep.RECHECK))
                .when(step(CaseStep.CLOSE))
                .expectEvents(taken(CaseStep.CLOSE))
                .expectNoScheduledDeadlines();
    }

    /** A clock that reads the fixture's current time. */
    private static SupervisionCaseReportMissedEvent missed(int count, LocalDate lastReportOn, LocalDate on) {
        return new SupervisionCaseReportMissedEvent(CASE, DISTRICT, count, 7, lastReportOn, on);
    }

    @Test
    void anIssuedCaseNotMovedWithinItsReportingPeriodMissesAReportEveryPeriod() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open(), step(CaseStep.REVIEW), step(CaseStep.ISSUE))
                .whenTimeAdvancesTo(startOf(OPENED_ON.plusDays(15)))
                .expectEvents(missed(1, OPENED_ON, OPENED_ON.plusDays(8)), missed(2, OPENED_ON, OPENED_ON.plusDays(15)))
                .expectScheduledDeadlineWithName(startOf(OPENED_ON.plusDays(22)), SupervisionCase.REPORT_DUE);
    }

    @Test
    void aReportOnTheLastDayOfThePeriodIsInTime() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open(), step(CaseStep.REVIEW), step(CaseStep.ISSUE))
                .whenTimeAdvancesTo(startOf(OPENED_ON.plusDays(8)).minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void eachStepOfTheUnitRestartsThePeriod() {
        LocalDate acknowledgedOn = OPENED_ON.plusDays(5);
        fixture.givenCurrentTime(startOf(acknowledgedOn).plusSeconds(3600))
                .andGivenCommands(open(), step(CaseStep.REVIEW), step(CaseStep.ISSUE),
                        new TakeCaseStepCommand(CASE, CaseStep.ACKNOWLEDGE, "已签收", acknowledgedOn, null))
                .whenTimeAdvancesTo(startOf(acknowledgedOn.plusDays(8)))
                .expectEvents(missed(1, acknowledgedOn, acknowledgedOn.plusDays(8)));
    }

    @Test
    void theReportBackEndsTheReportingClock() {
        fixture.givenCurrentTime(OPENING_TIME)
                .andGivenCommands(open(), step(CaseStep.REVIEW), step(CaseStep.ISSUE), step(CaseStep.ACKNOWLEDGE),
                        step(CaseStep.HANDLE), step(CaseStep.REPORT_BACK))
                .whenTimeAdvancesTo(startOf(DEADLINE_ON))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(startOf(DEADLINE_ON.plusDays(1)), SupervisionCase.OVERDUE);
    }

    private static final class FollowingClock extends Clock {
        private final AggregateTestFixture<SupervisionCase> fixture;

        FollowingClock(AggregateTestFixture<SupervisionCase> fixture) {
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
