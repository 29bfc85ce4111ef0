package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A complaint was answered by the unit then responsible; {@code onTime} whether by its due date. */
@Revision("1")
public record ComplaintAnsweredEvent(String complaintId, UnitId answeringUnitId, String answer, boolean onTime,
                                     LocalDate occurredOn) {
}
