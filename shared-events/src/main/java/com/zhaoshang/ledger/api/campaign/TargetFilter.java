package com.zhaoshang.ledger.api.campaign;

import com.zhaoshang.ledger.api.value.Money;

/**
 * Narrows what a target counts, e.g. "industrial projects of at least 5000万": {@code industrial} true keeps
 * projects of GB/T 4754 sections B–D (false keeps the others, null does not filter); {@code minAmount} keeps
 * projects whose contract amount (for leads: the intended amount) is in the same currency and at least that much.
 * Activities have no project, so no filter applies to them.
 */
public record TargetFilter(Boolean industrial, Money minAmount) {

    public static final TargetFilter NONE = new TargetFilter(null, null);

    public boolean filtersNothing() {
        return industrial == null && minAmount == null;
    }

    /** The filter with "no filter" given one form, so that equal filters compare equal. */
    public static TargetFilter normalise(TargetFilter filter) {
        return filter == null || filter.filtersNothing() ? NONE : filter;
    }
}
