package com.zhaoshang.ledger.command.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("ledger.rules")
public record SupervisionRules(int constructionDeadlineDays, int constructionWarningDays, int stalledAfterSigningDays,
                               int idleLandFindingDays, int idleLandReclaimDays, int complaintResponseWorkingDays) {

    public SupervisionRules {
        requirePositive(constructionDeadlineDays, "construction-deadline-days");
        requirePositive(constructionWarningDays, "construction-warning-days");
        requirePositive(stalledAfterSigningDays, "stalled-after-signing-days");
        requirePositive(idleLandFindingDays, "idle-land-finding-days");
        requirePositive(idleLandReclaimDays, "idle-land-reclaim-days");
        requirePositive(complaintResponseWorkingDays, "complaint-response-working-days");
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
        return new SupervisionRules(180, 30, 60, 365, 730, 5);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("ledger.rules." + name + " must be positive, not " + value);
        }
    }
}
