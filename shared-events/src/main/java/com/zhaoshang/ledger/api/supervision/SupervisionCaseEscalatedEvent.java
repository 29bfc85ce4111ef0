package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A supervision case stayed overdue for {@code overduePeriodsPerLevel} more reporting periods
 * ({@code ledger.rules.case-escalation-overdue-periods}), so it is escalated one level up the unit tree: from
 * {@code fromUnitId} (the unit answering for it so far) to its parent {@code toUnitId}, once per level. At the root
 * nothing higher exists and nothing is recorded.
 *
 * @param overdueCount the overdue records so far (a multiple of overduePeriodsPerLevel)
 * @param level        the escalations so far, this one included (1 = first)
 * @param occurredOn   the day of the overdue record that escalated it
 */
@Revision("1")
public record SupervisionCaseEscalatedEvent(String caseId, UnitId fromUnitId, UnitId toUnitId, int overdueCount,
                                            int level, int overduePeriodsPerLevel, LocalDate occurredOn) {
}
