package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A complaint was not answered by {@code answerDueOn}: it is escalated from {@code fromUnitId} one level up the unit
 * tree to {@code toUnitId} (null when {@code fromUnitId} is a root unit: the lapse is recorded, there is no higher
 * unit), which must answer by {@code nextAnswerDueOn} (null at the root). {@code level} counts the escalations.
 */
@Revision("1")
public record ComplaintEscalatedEvent(String complaintId, UnitId fromUnitId, UnitId toUnitId, LocalDate answerDueOn,
                                      int responseWorkingDays, int level, LocalDate nextAnswerDueOn,
                                      LocalDate occurredOn) {
}
