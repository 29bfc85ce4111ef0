package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A complaint was received; the unit must record a response by {@code answerDueOn}, {@code responseWorkingDays}
 * working days (Monday to Friday) after {@code occurredOn} ("件件有着落、事事有回音").
 */
@Revision("1")
public record ComplaintReceivedEvent(String complaintId, UnitId unitId, String projectId, String complainant,
                                     String subject, int responseWorkingDays, LocalDate answerDueOn,
                                     LocalDate occurredOn) {
}
