package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

import java.time.LocalDate;

/**
 * The flagged late entries (rule 9) of the projects of a unit and its subunits ({@code unitId} null: all), recorded
 * on business dates within {@code from}..{@code to} (either null: open).
 */
public record FindLateEntriesQuery(UnitId unitId, LocalDate from, LocalDate to) {
}
