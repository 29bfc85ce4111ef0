package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 反馈频率: a supervision case issued to its unit has to move (acknowledged, handled, reported back) at least every
 * {@code reportingFrequencyDays}; a period passed without a step by {@code unitId} since {@code lastReportOn} is
 * recorded on the day after it ({@code occurredOn}); {@code missedReports} counts them. Ends with the report back.
 */
@Revision("1")
public record SupervisionCaseReportMissedEvent(String caseId, UnitId unitId, int missedReports,
                                               int reportingFrequencyDays, LocalDate lastReportOn,
                                               LocalDate occurredOn) {
}
