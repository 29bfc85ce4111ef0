package com.zhaoshang.ledger.api.activity;

import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A unit's activity happened on {@code occurredOn}. */
@Revision("1")
public record ActivityRecordedEvent(String activityId, UnitId unitId, ActivityKind kind, String subject,
                                    LocalDate occurredOn) {
}
