package com.zhaoshang.ledger.api.supervision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A supervision case was not closed by its deadline: recorded on the day after the deadline and then every
 * {@code reportingFrequencyDays} while it stays open; {@code overdueCount} counts them (the escalation level).
 */
@Revision("1")
public record SupervisionCaseOverdueEvent(String caseId, LocalDate deadlineOn, int overdueCount,
                                          int reportingFrequencyDays, LocalDate occurredOn) {
}
