package com.zhaoshang.ledger.api.value;

/**
 * Where a project stands. The first nine are the usual order of DOMAIN.md; a project need not pass every one
 * (see the transition table in the Project aggregate). The last two end a project's life.
 */
public enum ProjectStage {
    LEAD, NEGOTIATING, INTENT, SIGNED, REGISTERED, LAND_ASSIGNED, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION,
    ABANDONED, TERMINATED;

    public boolean isEnded() {
        return this == ABANDONED || this == TERMINATED;
    }

    /** Signed or further along (and not ended): the contract exists. */
    public boolean isSigned() {
        return !isEnded() && ordinal() >= SIGNED.ordinal();
    }
}
