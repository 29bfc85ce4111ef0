package com.zhaoshang.ledger.command.supervision;

import org.axonframework.deadline.DeadlineManager;

import java.time.LocalDate;

/**
 * The deadlines of the project rules, scheduled in the scope of the {@code Project} aggregate (called from its command
 * handlers) on Axon's {@link DeadlineManager} — db-scheduler on PostgreSQL, so they survive restarts. Each triggers at
 * the start of its due business date in Asia/Shanghai:
 * <pre>
 * deadline                        counts from     due on (defaults)                              cancelled by
 * construction-deadline-warning   signing         since + deadline − warning days (day 150)      construction start, termination
 * construction-deadline-overdue   signing         since + deadline days + 1 (day 181)            construction start, termination
 * stalled-after-signing           signing         since + stalled days (day 60)                  any lifecycle fact after signing
 * idle-land-finding               land assigned   since + finding days (day 365)                 construction start, termination
 * idle-land-reclaim               land assigned   since + reclaim days (day 730)                 construction start, termination
 * </pre>
 * "Within 180 days of signing" allows a start on day 180; day 181 is the first day overdue. "No fact for 60 days"
 * holds at the start of day 60 (days 0…59 passed without one); "after one year" at the start of day 365.
 */
public final class RuleDeadlines {

    public static final String CONSTRUCTION_WARNING = "construction-deadline-warning";
    public static final String CONSTRUCTION_OVERDUE = "construction-deadline-overdue";
    public static final String STALLED_AFTER_SIGNING = "stalled-after-signing";
    public static final String IDLE_LAND_FINDING = "idle-land-finding";
    public static final String IDLE_LAND_RECLAIM = "idle-land-reclaim";

    private RuleDeadlines() {
    }

    /** 限时开工 and 签约即止: a signing starts the construction deadline (warning, overdue) and the stall watch. */
    public static void scheduleAfterSigning(DeadlineManager deadlines, SupervisionRules rules, LocalDate signedOn) {
        LocalDate deadlineOn = signedOn.plusDays(rules.constructionDeadlineDays());
        int warningDay = rules.constructionDeadlineDays() - rules.constructionWarningDays();
        schedule(deadlines, CONSTRUCTION_WARNING,
                new RuleDeadline(signedOn, signedOn.plusDays(warningDay), warningDay, deadlineOn));
        int overdueDay = rules.constructionDeadlineDays() + 1;
        schedule(deadlines, CONSTRUCTION_OVERDUE,
                new RuleDeadline(signedOn, signedOn.plusDays(overdueDay), overdueDay, deadlineOn));
        schedule(deadlines, STALLED_AFTER_SIGNING, new RuleDeadline(signedOn,
                signedOn.plusDays(rules.stalledAfterSigningDays()), rules.stalledAfterSigningDays(), null));
    }

    /** 圈而不建, 占而不用: land assigned starts the idle-land finding and the reclaim proposal. */
    public static void scheduleAfterLandAssigned(DeadlineManager deadlines, SupervisionRules rules, LocalDate landOn) {
        schedule(deadlines, IDLE_LAND_FINDING, new RuleDeadline(landOn, landOn.plusDays(rules.idleLandFindingDays()),
                rules.idleLandFindingDays(), null));
        schedule(deadlines, IDLE_LAND_RECLAIM, new RuleDeadline(landOn, landOn.plusDays(rules.idleLandReclaimDays()),
                rules.idleLandReclaimDays(), null));
    }

    /** Construction started (or the contract ended): the construction and idle-land deadlines are moot. */
    public static void cancelConstructionDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(CONSTRUCTION_WARNING);
        deadlines.cancelAllWithinScope(CONSTRUCTION_OVERDUE);
    }

    public static void cancelIdleLandDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(IDLE_LAND_FINDING);
        deadlines.cancelAllWithinScope(IDLE_LAND_RECLAIM);
    }

    public static void cancelStallWatch(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(STALLED_AFTER_SIGNING);
    }

    private static void schedule(DeadlineManager deadlines, String name, RuleDeadline deadline) {
        deadlines.schedule(deadline.triggersAt(), name, deadline);
    }
}
