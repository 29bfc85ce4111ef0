package com.zhaoshang.ledger.api.query.activity;

import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;

import java.time.Instant;
import java.time.LocalDate;

/** An activity of a unit (a company visit, an investor inspection, a promotion event, an outbound trip). */
public record ActivityDetails(String id, UnitId unitId, ActivityKind kind, String subject, LocalDate occurredOn,
                              Instant recordedAt, String recordedBy) {
}
