package com.zhaoshang.ledger.api.query.activity;

import com.zhaoshang.ledger.api.query.PageRequest;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A page of activities, latest {@code occurredOn} first (then most recently recorded, then id), answered with an
 * {@link ActivityPage}. Every filter is optional; {@code from} and {@code to} are inclusive business dates.
 *
 * @param includeSubunits with {@code unitId}: also the activities of every unit below it in the tree
 */
public record FindActivitiesQuery(UnitId unitId, boolean includeSubunits, ActivityKind kind, LocalDate from,
                                  LocalDate to, PageRequest page) {

    public FindActivitiesQuery {
        Objects.requireNonNull(page, "page is required");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }
}
