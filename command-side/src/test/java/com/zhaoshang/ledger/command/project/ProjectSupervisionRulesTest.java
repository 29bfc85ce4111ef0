package com.zhaoshang.ledger.command.project;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.supervision.*;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.command.common.LedgerTime;
import com.zhaoshang.ledger.command.supervision.RuleDeadline;
import com.zhaoshang.ledger.command.supervision.RuleDeadlines;
import com.zhaoshang.ledger.command.supervision.SupervisionRules;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static com.zhaoshang.ledger.command.project.ProjectTestData.*;

/**
 * The supervision rules of {@link Project} fire on the right day, not the day before, once; a fact that resolves a
 * rule's condition cancels its pending deadlines. Time moves with the fixture's deadline manager; the handlers read
 * a {@link Clock} that follows it.
 */
class ProjectSupervisionRulesTest {

    /** Signed at 10:00 Shanghai on 2024-04-01. */
    private static final Instant SIGNING_TIME = Instant.parse("2024-04-01T02:00:00Z");
    private static final String PARCEL = "JA2024-017";
    private static final BigDecimal AREA = new BigDecimal("120.5");

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(new FollowingClock(fixture));
        fixture.registerInjectableResource(RULES);
    }

    /** The start (00:00 Asia/Shanghai) of the n-th day after the signing. */
    private static Instant startOfDayAfterSigning(int n) {
        return startOf(SIGNED_ON.plusDays(n));
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LedgerTime.ZONE).toInstant();
    }

    private static SignProjectCommand sign() {
        return new SignProjectCommand(PROJECT, Money.cny("450000000"), CEREMONY, LEADER, SIGNED_ON, null);
    }

    /** A project signed by command (so its deadlines are scheduled), at {@code now}. */
    private TestExecutor<Project> signedAt(Instant now, Object... laterCommands) {
        return fixture.givenCurrentTime(now)
                .andGiven(leadRegistered(), negotiationStarted(), intentSigned())
                .andGivenCommands(sign())
                .andGivenCommands(laterCommands);
    }

    private static ConstructionDeadlineWarningIssuedEvent warning() {
        return new ConstructionDeadlineWarningIssuedEvent(PROJECT, UNIT, LEADER, SupervisionRule.CONSTRUCTION_DEADLINE,
                SIGNED_ON, SIGNED_ON.plusDays(180), 180, 30, SIGNED_ON.plusDays(150), SIGNED_ON.plusDays(150));
    }

    private static ConstructionOverdueEvent overdue() {
        return new ConstructionOverdueEvent(PROJECT, UNIT, LEADER, SupervisionRule.CONSTRUCTION_DEADLINE, SIGNED_ON,
                SIGNED_ON.plusDays(180), 180, SIGNED_ON.plusDays(181), SIGNED_ON.plusDays(181));
    }

    private static ProjectStalledAfterSigningEvent stalled() {
        return new ProjectStalledAfterSigningEvent(PROJECT, UNIT, LEADER, SupervisionRule.STALLED_AFTER_SIGNING,
                SIGNED_ON, 60, SIGNED_ON.plusDays(60), SIGNED_ON.plusDays(60));
    }

    private static RegisterProjectCommand register() {
        return new RegisterProjectCommand(PROJECT, contractDocuments(), SIGNED_ON, null);
    }

    private static AssignLandCommand assignLand(LocalDate on) {
        return new AssignLandCommand(PROJECT, PARCEL, AREA, on, null);
    }

    @Nested
    class ConstructionDeadline {

        @Test
        void signingSchedulesTheWarningTheFindingAndTheStallWatch() {
            fixture.givenCurrentTime(SIGNING_TIME)
                    .andGiven(leadRegistered(), negotiationStarted(), intentSigned())
                    .when(sign())
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(startOfDayAfterSigning(150), RuleDeadlines.CONSTRUCTION_WARNING)
                    .expectScheduledDeadlineWithName(startOfDayAfterSigning(181), RuleDeadlines.CONSTRUCTION_OVERDUE)
                    .expectScheduledDeadlineWithName(startOfDayAfterSigning(60), RuleDeadlines.STALLED_AFTER_SIGNING)
                    .expectScheduledDeadline(startOfDayAfterSigning(150), new RuleDeadline(SIGNED_ON,
                            SIGNED_ON.plusDays(150), 150, SIGNED_ON.plusDays(180)));
        }

        @Test
        void noWarningOnDay149() {
            signedAt(SIGNING_TIME, register())
                    .whenTimeAdvancesTo(startOfDayAfterSigning(150).minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(startOfDayAfterSigning(150), RuleDeadlines.CONSTRUCTION_WARNING);
        }

        @Test
        void warningOnDay150NamingTheRuleAndItsParameters() {
            signedAt(SIGNING_TIME, register())
                    .whenTimeAdvancesTo(startOfDayAfterSigning(150))
                    .expectEvents(warning())
                    .expectTriggeredDeadlinesWithName(RuleDeadlines.CONSTRUCTION_WARNING);
        }

        @Test
        void notOverdueOnDay180TheLastDayAllowed() {
            signedAt(SIGNING_TIME, register())
                    .whenTimeAdvancesTo(startOfDayAfterSigning(181).minusSeconds(1))
                    .expectEvents(warning());
        }

        @Test
        void overdueOnDay181AgainstTheResponsibleLeader() {
            signedAt(SIGNING_TIME, register())
                    .whenTimeAdvancesTo(startOfDayAfterSigning(181))
                    .expectEvents(warning(), overdue());
        }

        @Test
        void eachFiresOnceHoweverLongTimeRuns() {
            signedAt(SIGNING_TIME, register())
                    .whenTimeAdvancesTo(startOfDayAfterSigning(1000))
                    .expectEvents(warning(), overdue())
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aWarningAlreadyRecordedIsNotRecordedAgain() {
            signedAt(SIGNING_TIME, register())
                    .andGiven(warning())
                    .whenTimeAdvancesTo(startOfDayAfterSigning(150))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName(RuleDeadlines.CONSTRUCTION_WARNING);
        }

        @Test
        void constructionStartCancelsThePendingDeadlines() {
            signedAt(SIGNING_TIME.plusSeconds(86_400L * 20))
                    .when(new StartConstructionCommand(PROJECT, SIGNED_ON.plusDays(20), null))
                    .expectEvents(new ConstructionStartedEvent(PROJECT, SIGNED_ON.plusDays(20)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void afterConstructionStartedNothingFires() {
            signedAt(SIGNING_TIME.plusSeconds(86_400L * 20),
                    new StartConstructionCommand(PROJECT, SIGNED_ON.plusDays(20), null))
                    .whenTimeAdvancesTo(startOfDayAfterSigning(1000))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void terminationCancelsThePendingDeadlines() {
            signedAt(SIGNING_TIME.plusSeconds(86_400L * 20))
                    .when(new TerminateContractCommand(PROJECT, "投资方资金链断裂", SIGNED_ON.plusDays(20), null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class StalledAfterSigning {

        @Test
        void noWarningOnDay59() {
            signedAt(SIGNING_TIME)
                    .whenTimeAdvancesTo(startOfDayAfterSigning(60).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void warningOnDay60WithoutAnyLifecycleFact() {
            signedAt(SIGNING_TIME)
                    .whenTimeAdvancesTo(startOfDayAfterSigning(60))
                    .expectEvents(stalled());
        }

        @Test
        void aCapitalArrivalEndsTheWatch() {
            signedAt(SIGNING_TIME.plusSeconds(86_400L * 5))
                    .when(new RecordCapitalArrivalCommand(PROJECT, "arrival-1", Money.cny("1000000"), false,
                            SIGNED_ON.plusDays(5), null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlineWithName(startOfDayAfterSigning(60), RuleDeadlines.STALLED_AFTER_SIGNING)
                    .expectScheduledDeadlineWithName(startOfDayAfterSigning(150), RuleDeadlines.CONSTRUCTION_WARNING);
        }

        @Test
        void aRegistrationEndsTheWatchSoNothingFiresOnDay60() {
            signedAt(SIGNING_TIME.plusSeconds(86_400L * 5), register())
                    .whenTimeAdvancesTo(startOfDayAfterSigning(60))
                    .expectNoEvents();
        }
    }

    @Nested
    class IdleLand {

        private final LocalDate landOn = SIGNED_ON.plusDays(10);

        private IdleLandFoundEvent finding() {
            return new IdleLandFoundEvent(PROJECT, UNIT, SupervisionRule.IDLE_LAND, PARCEL, AREA, landOn, 365,
                    landOn.plusDays(365), landOn.plusDays(365));
        }

        private LandReclaimProposedEvent proposal() {
            return new LandReclaimProposedEvent(PROJECT, UNIT, SupervisionRule.IDLE_LAND, PARCEL, AREA, landOn, 730,
                    landOn.plusDays(730), landOn.plusDays(730));
        }

        private TestExecutor<Project> landAssigned() {
            return signedAt(SIGNING_TIME.plusSeconds(86_400L * 10), assignLand(landOn));
        }

        @Test
        void landAssignmentSchedulesTheFindingAndTheProposal() {
            signedAt(SIGNING_TIME.plusSeconds(86_400L * 10))
                    .when(assignLand(landOn))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(startOf(landOn.plusDays(365)), RuleDeadlines.IDLE_LAND_FINDING)
                    .expectScheduledDeadlineWithName(startOf(landOn.plusDays(730)), RuleDeadlines.IDLE_LAND_RECLAIM)
                    .expectNoScheduledDeadlineWithName(startOfDayAfterSigning(60), RuleDeadlines.STALLED_AFTER_SIGNING);
        }

        @Test
        void noFindingTheDayBeforeAYear() {
            landAssigned()
                    .whenTimeAdvancesTo(startOf(landOn.plusDays(365)).minusSeconds(1))
                    .expectEvents(warning(), overdue());
        }

        @Test
        void findingAfterAYear() {
            landAssigned()
                    .whenTimeAdvancesTo(startOf(landOn.plusDays(365)))
                    .expectEvents(warning(), overdue(), finding());
        }

        @Test
        void reclaimProposalAfterTwoYearsNotTheDayBefore() {
            landAssigned()
                    .andGiven(warning(), overdue(), finding())
                    .whenTimeAdvancesTo(startOf(landOn.plusDays(730)).minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void reclaimProposalAfterTwoYearsOnce() {
            landAssigned()
                    .whenTimeAdvancesTo(startOf(landOn.plusDays(2000)))
                    .expectEvents(warning(), overdue(), finding(), proposal())
                    .expectNoScheduledDeadlines();
        }

        @Test
        void constructionStartCancelsTheIdleLandDeadlines() {
            signedAt(SIGNING_TIME.plusSeconds(86_400L * 30), assignLand(landOn))
                    .when(new StartConstructionCommand(PROJECT, landOn.plusDays(5), null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void anInspectorConfirmsTheProposedReclamation() {
            LocalDate confirmedOn = landOn.plusDays(740);
            fixture.givenCurrentTime(startOf(confirmedOn).plusSeconds(3600))
                    .andGiven(leadRegistered(), negotiationStarted(), intentSigned(), signed(),
                            new LandAssignedEvent(PROJECT, PARCEL, AREA, landOn), warning(), overdue(), finding(),
                            proposal())
                    .when(new ConfirmLandReclamationCommand(PROJECT, "两年未动工, 依法收回", confirmedOn, null))
                    .expectEvents(new LandReclaimedEvent(PROJECT, UNIT, PARCEL, AREA, "两年未动工, 依法收回",
                            confirmedOn));
        }

        @Test
        void reclamationWithoutAProposalIsRefused() {
            fixture.givenCurrentTime(startOf(landOn.plusDays(100)))
                    .andGiven(leadRegistered(), negotiationStarted(), intentSigned(), signed(),
                            new LandAssignedEvent(PROJECT, PARCEL, AREA, landOn))
                    .when(new ConfirmLandReclamationCommand(PROJECT, "未动工", landOn.plusDays(100), null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectNoEvents();
        }

        @Test
        void reclamationTwiceIsRefused() {
            LocalDate confirmedOn = landOn.plusDays(740);
            fixture.givenCurrentTime(startOf(confirmedOn).plusSeconds(3600))
                    .andGiven(leadRegistered(), negotiationStarted(), intentSigned(), signed(),
                            new LandAssignedEvent(PROJECT, PARCEL, AREA, landOn), finding(), proposal(),
                            new LandReclaimedEvent(PROJECT, UNIT, PARCEL, AREA, "收回", confirmedOn))
                    .when(new ConfirmLandReclamationCommand(PROJECT, "再次收回", confirmedOn, null))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(ErrorCode.ILLEGAL_TRANSITION)
                    .expectNoEvents();
        }
    }

    /** A clock that reads the fixture's current time (moved by its deadline manager). */
    private static final class FollowingClock extends Clock {
        private final FixtureConfiguration<Project> fixture;

        FollowingClock(FixtureConfiguration<Project> fixture) {
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
            return ((AggregateTestFixture<Project>) fixture).currentTime();
        }
    }
}
