package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.accountability.AnnualAppraisalRecordedEvent;
import com.zhaoshang.ledger.api.accountability.AppraiseYearCommand;
import com.zhaoshang.ledger.api.accountability.AwardsVetoedEvent;
import com.zhaoshang.ledger.api.accountability.LeadershipAdjustmentProposedEvent;
import com.zhaoshang.ledger.api.accountability.MissedTarget;
import com.zhaoshang.ledger.api.accountability.PostAdjustmentProposedEvent;
import com.zhaoshang.ledger.api.accountability.SelfExaminationRequiredEvent;
import com.zhaoshang.ledger.api.accountability.UnitTargets;
import com.zhaoshang.ledger.api.accountability.VetoAwardsCommand;
import com.zhaoshang.ledger.api.campaign.BulletinIndicatorValue;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.Currency;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static com.zhaoshang.ledger.api.accountability.AccountabilityRule.ONE_VOTE_VETO;
import static com.zhaoshang.ledger.api.accountability.AccountabilityRule.RANKING_CONSEQUENCES;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules 6 and 7 at the year close, one test per consequence, refusals included. */
class AnnualAppraisalTest {

    private static final String ID = AnnualAppraisal.rankingAppraisalId("towns", 2025);
    private static final List<String> RANKED = List.of("t-1", "t-2", "d-1", "t-3");

    private FixtureConfiguration<AnnualAppraisal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnnualAppraisal.class);
    }

    private static AppraiseYearCommand appraise(Set<String> departments, String previousLast) {
        return new AppraiseYearCommand(ID, 2025, "towns", "annual-towns-2025-01-01", RANKED, departments, previousLast,
                previousLast == null ? null : "annual-towns-2024-01-01");
    }

    private static AnnualAppraisalRecordedEvent recorded() {
        return new AnnualAppraisalRecordedEvent(ID, RANKING_CONSEQUENCES, 2025, "towns", null, "annual-towns-2025-01-01",
                RANKED, "t-3");
    }

    private static SelfExaminationRequiredEvent selfExamination() {
        return new SelfExaminationRequiredEvent(ID, RANKING_CONSEQUENCES, 2025, "towns", "t-3", 4, 4, "annual-towns-2025-01-01");
    }

    @Test
    void theLastRankedUnitWritesASelfExamination() {
        fixture.givenNoPriorActivity()
                .when(appraise(Set.of(), null))
                .expectEvents(recorded(), selfExamination());
    }

    @Test
    void lastTwoYearsRunningProposesALeadershipAdjustment() {
        fixture.givenNoPriorActivity()
                .when(appraise(Set.of(), "t-3"))
                .expectEvents(recorded(), selfExamination(),
                        new LeadershipAdjustmentProposedEvent(ID, RANKING_CONSEQUENCES, 2025, "towns", "t-3", 2,
                                "annual-towns-2025-01-01", "annual-towns-2024-01-01"));
        fixture.givenNoPriorActivity()
                .when(appraise(Set.of(), "t-1"))
                .expectEvents(recorded(), selfExamination());
    }

    @Test
    void departmentsLastOrSecondLastProposePostAdjustments() {
        fixture.givenNoPriorActivity()
                .when(appraise(Set.of("d-1", "t-1"), null))
                .expectEvents(recorded(), selfExamination(),
                        new PostAdjustmentProposedEvent(ID, RANKING_CONSEQUENCES, 2025, "towns", "d-1", 3, 4, 2,
                                "annual-towns-2025-01-01"));
    }

    @Test
    void anAppraisalNeedsRankedUnitsAndItsBulletin() {
        fixture.givenNoPriorActivity()
                .when(new AppraiseYearCommand(ID, 2025, "towns", "b", List.of(), Set.of(), null, null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AppraiseYearCommand(ID, 2025, "towns", " ", RANKED, Set.of(), null, null))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectNoEvents();
    }

    @Test
    void aUnitMissingAnAnnualTargetIsVetoedFromTheAwards() {
        String id = AnnualAppraisal.vetoAppraisalId("c-2025");
        MissedTarget missed = new MissedTarget(Indicator.CAPITAL_VERIFIED_USD, null, Currency.USD, new BigDecimal("15990000"),
                new BigDecimal("20000000"), new BigDecimal("0.800"));
        fixture.givenNoPriorActivity()
                .when(new VetoAwardsCommand(id, 2025, "c-2025", "campaign-final-c-2025",
                        List.of(new UnitTargets("t-1", List.of()), new UnitTargets("t-2", List.of(missed)))))
                .expectEvents(new AnnualAppraisalRecordedEvent(id, ONE_VOTE_VETO, 2025, null, "c-2025", "campaign-final-c-2025",
                                List.of("t-1", "t-2"), null),
                        new AwardsVetoedEvent(id, ONE_VOTE_VETO, 2025, "c-2025", "t-2", List.of(missed), BigDecimal.ONE,
                                "campaign-final-c-2025"));
    }

    @Test
    void aTargetIsMissedWhenTheActualIsBelowItBeforeRounding() {
        assertThat(YearCloseConsequences.missed(value("99.99", "100", "1.000"))).isTrue();
        assertThat(YearCloseConsequences.missed(value("100", "100", "1.000"))).isFalse();
        assertThat(YearCloseConsequences.missed(value("130", "100", "1.200"))).isFalse();
        assertThat(YearCloseConsequences.missed(value("3", null, "1.000"))).isFalse();
    }

    private static BulletinIndicatorValue value(String actual, String target, String completion) {
        return new BulletinIndicatorValue(Indicator.SIGNED_AMOUNT, null, Currency.CNY, new BigDecimal(actual),
                target == null ? null : new BigDecimal(target), new BigDecimal(completion), BigDecimal.ONE);
    }
}
