package com.zhaoshang.ledger.api.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A ranking as known at {@code knownAt} (only facts recorded by then count), as a bulletin holds it: the preceding
 * period its previous ranks come from, the share of the period elapsed that day (the colours' yardstick), the rule's
 * parameters and the rows, best first.
 */
public record BulletinRanking(Instant knownAt, LocalDate previousFrom, LocalDate previousTo, BigDecimal expectedProgress,
                              BulletinRankingRule rule, List<BulletinRow> rows) {

    public BulletinRanking {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
