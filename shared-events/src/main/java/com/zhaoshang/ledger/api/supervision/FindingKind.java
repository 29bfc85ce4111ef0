package com.zhaoshang.ledger.api.supervision;

/** What a rule found about a project; at most one finding of each kind per project. */
public enum FindingKind {
    CONSTRUCTION_WARNING,
    CONSTRUCTION_OVERDUE,
    STALLED_AFTER_SIGNING,
    IDLE_LAND,
    LAND_RECLAIM_PROPOSED
}
