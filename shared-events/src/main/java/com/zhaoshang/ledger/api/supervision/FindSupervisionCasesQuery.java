package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

/**
 * Supervision cases whose lead unit is the given unit or one of its subunits ({@code unitId} null: every unit),
 * optionally only those of one responsible leader (by name), only open ones, only overdue ones.
 */
public record FindSupervisionCasesQuery(UnitId unitId, String leaderName, boolean openOnly, boolean overdueOnly) {
}
