package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

import java.util.Set;

/**
 * The open findings (not resolved by a later fact) of the given kinds, of the projects of a unit and its subunits
 * ({@code unitId} null: every unit) or of one project ({@code projectId} non-null).
 */
public record FindOpenFindingsQuery(Set<FindingKind> kinds, UnitId unitId, String projectId) {
}
