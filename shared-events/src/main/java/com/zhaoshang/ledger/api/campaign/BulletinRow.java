package com.zhaoshang.ledger.api.campaign;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's row in a bulletin, as published: its {@code rank} (1..n), the rank in the preceding period and the
 * {@code movement} (previous − current, positive: moved up; both null when it was not ranked then), the
 * {@code score}, the three-colour warning ({@code GREEN}, {@code YELLOW}, {@code RED}), the projects overdue to
 * start at the period's end and the indicator values.
 */
public record BulletinRow(int rank, Integer previousRank, Integer movement, String unitId, String unitName,
                          BigDecimal score, String colour, long overdueProjects, List<BulletinIndicatorValue> indicators) {

    public BulletinRow {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
