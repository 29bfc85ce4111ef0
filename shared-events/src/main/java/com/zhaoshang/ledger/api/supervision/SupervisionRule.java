package com.zhaoshang.ledger.api.supervision;

/**
 * The supervision rules of DOMAIN.md that fire on a project's deadlines. Every fact a rule records names its rule
 * and the parameter values it used, so a reader sees why it fired.
 */
public enum SupervisionRule {
    /** 限时开工: construction starts within the deadline after signing; a warning before, a finding after. */
    CONSTRUCTION_DEADLINE,
    /** 签约即止: no lifecycle fact for a while after signing. */
    STALLED_AFTER_SIGNING,
    /** 圈而不建, 占而不用: land assigned and no construction; a finding after one period, a reclaim proposal after two. */
    IDLE_LAND,
    /** 防止水份: a verified amount short of the reported one by more than the threshold ratio. */
    REPORTED_VERIFIED_GAP,
    /** 补录: a fact recorded more than the threshold number of days after it happened. */
    LATE_ENTRY
}
