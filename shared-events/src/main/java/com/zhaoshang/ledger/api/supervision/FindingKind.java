package com.zhaoshang.ledger.api.supervision;

/** What a rule found about a project; at most one finding of each kind per project. */
public enum FindingKind {
    CONSTRUCTION_WARNING,
    CONSTRUCTION_OVERDUE,
    STALLED_AFTER_SIGNING,
    IDLE_LAND,
    LAND_RECLAIM_PROPOSED,
    /** 防止水份: a verification short of the reported amount beyond the threshold; stays open (the gap is a fact). */
    REPORTED_VERIFIED_GAP
}
