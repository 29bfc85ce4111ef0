package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.accountability.AnnualAppraisalRecordedEvent;
import com.zhaoshang.ledger.api.accountability.AppraiseYearCommand;
import com.zhaoshang.ledger.api.accountability.AwardsVetoedEvent;
import com.zhaoshang.ledger.api.accountability.LeadershipAdjustmentProposedEvent;
import com.zhaoshang.ledger.api.accountability.PostAdjustmentProposedEvent;
import com.zhaoshang.ledger.api.accountability.SelfExaminationRequiredEvent;
import com.zhaoshang.ledger.api.accountability.UnitTargets;
import com.zhaoshang.ledger.api.accountability.VetoAwardsCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.List;

import static com.zhaoshang.ledger.api.ErrorCode.RULE_VIOLATED;
import static com.zhaoshang.ledger.api.accountability.AccountabilityRule.ONE_VOTE_VETO;
import static com.zhaoshang.ledger.api.accountability.AccountabilityRule.RANKING_CONSEQUENCES;
import static com.zhaoshang.ledger.command.common.Refusal.of;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A year-close appraisal (年度考核), made once from a bulletin: rule 6 on a peer group's annual ranking
 * ({@code annual-appraisal-<peer group>-<year>}) or rule 7 on an annual campaign's final bulletin
 * ({@code awards-veto-<campaign id>}). The id makes it idempotent: a second appraisal of the same year is refused by
 * the event store. Each consequence is a fact of its own naming its rule and parameters.
 */
@Aggregate
public class AnnualAppraisal {

    /** Rule 6: last this many years running → leadership adjustment. */
    static final int CONSECUTIVE_YEARS = 2;
    /** Rule 6: a department among the last this many places → post adjustment. */
    static final int DEPARTMENT_LAST_PLACES = 2;
    /** Rule 7: a target counts as met at this completion (actual ≥ target). */
    static final BigDecimal REQUIRED_COMPLETION = BigDecimal.ONE;

    @AggregateIdentifier
    private String appraisalId;

    /** For Axon: an aggregate is rebuilt from its events through this constructor. */
    protected AnnualAppraisal() {
    }

    public static String rankingAppraisalId(String peerGroup, int year) {
        return "annual-appraisal-" + peerGroup + "-" + year;
    }

    public static String vetoAppraisalId(String campaignId) {
        return "awards-veto-" + campaignId;
    }

    @CommandHandler
    public AnnualAppraisal(AppraiseYearCommand command) {
        appraisalIsNamed(command.appraisalId(), command.bulletinId());
        List<String> ranked = command.rankedUnits() == null ? List.of() : command.rankedUnits();
        if (ranked.isEmpty()) {
            throw of(RULE_VIOLATED, "an annual appraisal needs the ranked units");
        }
        String last = ranked.get(ranked.size() - 1);
        apply(new AnnualAppraisalRecordedEvent(command.appraisalId(), RANKING_CONSEQUENCES, command.year(),
                command.peerGroup(), null, command.bulletinId(), List.copyOf(ranked), last));
        lastRankedWritesASelfExamination(command, ranked, last);
        lastTwoYearsRunningProposesALeadershipAdjustment(command, last);
        departmentsInTheLastPlacesProposePostAdjustments(command, ranked);
    }

    @CommandHandler
    public AnnualAppraisal(VetoAwardsCommand command) {
        appraisalIsNamed(command.appraisalId(), command.bulletinId());
        List<UnitTargets> units = command.units() == null ? List.of() : command.units();
        apply(new AnnualAppraisalRecordedEvent(command.appraisalId(), ONE_VOTE_VETO, command.year(), null,
                command.campaignId(), command.bulletinId(), units.stream().map(UnitTargets::unitId).toList(), null));
        missedAnnualTargetVetoesAwards(command, units);
    }

    private static void appraisalIsNamed(String appraisalId, String bulletinId) {
        if (appraisalId == null || appraisalId.isBlank() || bulletinId == null || bulletinId.isBlank()) {
            throw of(RULE_VIOLATED, "an appraisal names its id and the bulletin it is made from");
        }
    }

    /** Rule 6: last in its peer group for the year → written self-examination (书面检查). */
    private static void lastRankedWritesASelfExamination(AppraiseYearCommand command, List<String> ranked, String last) {
        apply(new SelfExaminationRequiredEvent(command.appraisalId(), RANKING_CONSEQUENCES, command.year(),
                command.peerGroup(), last, ranked.size(), ranked.size(), command.bulletinId()));
    }

    /** Rule 6: last two years running → leadership adjustment proposed. */
    private static void lastTwoYearsRunningProposesALeadershipAdjustment(AppraiseYearCommand command, String last) {
        if (last.equals(command.previousYearLastUnitId())) {
            apply(new LeadershipAdjustmentProposedEvent(command.appraisalId(), RANKING_CONSEQUENCES, command.year(),
                    command.peerGroup(), last, CONSECUTIVE_YEARS, command.bulletinId(), command.previousYearBulletinId()));
        }
    }

    /** Rule 6: departments last or second-last → post adjustment proposed. */
    private static void departmentsInTheLastPlacesProposePostAdjustments(AppraiseYearCommand command, List<String> ranked) {
        for (int rank = Math.max(1, ranked.size() - DEPARTMENT_LAST_PLACES + 1); rank <= ranked.size(); rank++) {
            String unit = ranked.get(rank - 1);
            if (command.departments() != null && command.departments().contains(unit)) {
                apply(new PostAdjustmentProposedEvent(command.appraisalId(), RANKING_CONSEQUENCES, command.year(),
                        command.peerGroup(), unit, rank, ranked.size(), DEPARTMENT_LAST_PLACES, command.bulletinId()));
            }
        }
    }

    /** Rule 7, 一票否决: a unit that missed any annual target is disqualified from the year's awards. */
    private static void missedAnnualTargetVetoesAwards(VetoAwardsCommand command, List<UnitTargets> units) {
        for (UnitTargets unit : units) {
            if (!unit.missed().isEmpty()) {
                apply(new AwardsVetoedEvent(command.appraisalId(), ONE_VOTE_VETO, command.year(), command.campaignId(),
                        unit.unitId(), unit.missed(), REQUIRED_COMPLETION, command.bulletinId()));
            }
        }
    }

    @EventSourcingHandler
    public void on(AnnualAppraisalRecordedEvent event) {
        this.appraisalId = event.appraisalId();
    }
}
