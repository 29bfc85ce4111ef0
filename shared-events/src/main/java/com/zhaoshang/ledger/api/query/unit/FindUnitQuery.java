package com.zhaoshang.ledger.api.query.unit;

import com.zhaoshang.ledger.api.value.UnitId;

import java.util.Objects;

/** One unit of the tree; answered with an {@code Optional<UnitDetails>} (empty when unknown). */
public record FindUnitQuery(UnitId unitId) {

    public FindUnitQuery {
        Objects.requireNonNull(unitId, "unitId is required");
    }
}
