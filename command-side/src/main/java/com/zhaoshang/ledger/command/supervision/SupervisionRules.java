package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.value.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The parameters of the deadline rules (DOMAIN.md "Supervision and accountability rules"), from
 * {@code ledger.rules.*}; defaults in {@code command-side-defaults.properties}. Every fact a rule records carries the
 * values it used.
 *
 * @param constructionDeadlineDays 限时开工: construction starts within this many days of signing [180]
 * @param constructionWarningDays  a warning this many days before that deadline [30]
 * @param stalledAfterSigningDays  签约即止: no lifecycle fact this many days after signing → warning [60]
 * @param idleLandFindingDays      圈而不建: land assigned and no construction after this many days → finding [365]
 * @param idleLandReclaimDays      占而不用: … after this many days → reclaim proposal [730]
 * @param complaintResponseWorkingDays 投诉: a complaint is answered within this many working days, else escalated [5]
 * @param reportedVerifiedGapRatio 防止水份: a verified amount short of the reported one by more than this ratio is
 *                                 flagged [0.20]
 * @param lateEntryDays            补录: a fact recorded more than this many days after its {@code occurredOn} is
 *                                 flagged [7]
 * @param caseEscalationOverduePeriods 督办升级: a supervision case escalates one level up the unit tree every this
 *                                 many overdue records [2]
 */
@ConfigurationProperties("ledger.rules")
public record SupervisionRules(int constructionDeadlineDays, int constructionWarningDays, int stalledAfterSigningDays,
                               int idleLandFindingDays, int idleLandReclaimDays, int complaintResponseWorkingDays,
                               BigDecimal reportedVerifiedGapRatio, int lateEntryDays,
                               int caseEscalationOverduePeriods) {

    public SupervisionRules {
        requirePositive(constructionDeadlineDays, "construction-deadline-days");
        requirePositive(constructionWarningDays, "construction-warning-days");
        requirePositive(stalledAfterSigningDays, "stalled-after-signing-days");
        requirePositive(idleLandFindingDays, "idle-land-finding-days");
        requirePositive(idleLandReclaimDays, "idle-land-reclaim-days");
        requirePositive(complaintResponseWorkingDays, "complaint-response-working-days");
        requirePositive(lateEntryDays, "late-entry-days");
        requirePositive(caseEscalationOverduePeriods, "case-escalation-overdue-periods");
        if (reportedVerifiedGapRatio == null || reportedVerifiedGapRatio.signum() < 0
                || reportedVerifiedGapRatio.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("ledger.rules.reported-verified-gap-ratio must be at least 0 and less "
                    + "than 1, not " + reportedVerifiedGapRatio);
        }
        if (constructionWarningDays >= constructionDeadlineDays) {
            throw new IllegalArgumentException("ledger.rules.construction-warning-days (" + constructionWarningDays
                    + ") must be less than ledger.rules.construction-deadline-days (" + constructionDeadlineDays + ")");
        }
        if (idleLandReclaimDays <= idleLandFindingDays) {
            throw new IllegalArgumentException("ledger.rules.idle-land-reclaim-days (" + idleLandReclaimDays
                    + ") must be more than ledger.rules.idle-land-finding-days (" + idleLandFindingDays + ")");
        }
    }

    /** The defaults of DOMAIN.md. */
    public static SupervisionRules defaults() {
        return new SupervisionRules(180, 30, 60, 365, 730, 5, new BigDecimal("0.20"), 7, 2);
    }

    /** 防止水份 (rule 8): the verified amount falls short of the reported one by more than the threshold ratio. */
    public boolean verifiedFallsShortOfReported(Money reported, Money verified) {
        BigDecimal gap = reported.amount().subtract(verified.amount());
        return gap.compareTo(reported.amount().multiply(reportedVerifiedGapRatio)) > 0;
    }

    /** (reported − verified) / reported, 4 decimals half up. */
    public static BigDecimal gapRatio(Money reported, Money verified) {
        return reported.amount().subtract(verified.amount()).divide(reported.amount(), 4, RoundingMode.HALF_UP);
    }

    /** 补录 (rule 9): a fact recorded more than {@code lateEntryDays} days after the date it declares. */
    public boolean isLateEntry(LocalDate occurredOn, LocalDate recordedOn) {
        return lagDays(occurredOn, recordedOn) > lateEntryDays;
    }

    public static long lagDays(LocalDate occurredOn, LocalDate recordedOn) {
        return ChronoUnit.DAYS.between(occurredOn, recordedOn);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("ledger.rules." + name + " must be positive, not " + value);
        }
    }
}
