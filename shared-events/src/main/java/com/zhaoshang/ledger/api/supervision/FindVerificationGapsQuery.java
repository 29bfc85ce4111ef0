package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

/** The flagged reported-vs-verified gaps (rule 8) of the projects of a unit and its subunits ({@code unitId} null: all). */
public record FindVerificationGapsQuery(UnitId unitId) {
}
