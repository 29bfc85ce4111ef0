package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

import java.time.Instant;
import java.time.LocalDate;

/** One {@link LateEntryFlaggedEvent} as inspectors read it. */
public record LateEntry(String projectId, String projectName, UnitId unitId, String factType, int thresholdDays,
                        LocalDate occurredOn, LocalDate recordedOn, long lagDays, Instant recordedAt) {
}
