package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

import java.time.LocalDate;
import java.util.List;

/**
 * One supervision case as the views show it; {@code status} is OPENED or the past participle of the last step
 * (REVIEWED, ISSUED, ACKNOWLEDGED, HANDLED, REPORTED_BACK, RECHECKED, CLOSED); {@code overdueCount} counts the
 * overdue records; {@code escalationLevel} counts the escalations up the unit tree and {@code escalatedToUnitId} is
 * the unit it was last escalated to (null while never escalated); {@code missedReports} counts the reporting periods
 * the issued case passed without a step of its unit (反馈频率).
 */
public record SupervisionCaseSummary(String caseId, String subject, String projectId, SupervisionRule rule,
                                     UnitId leadUnitId, List<UnitId> assistingUnitIds, String leaderName,
                                     LocalDate deadlineOn, int reportingFrequencyDays, String status,
                                     int overdueCount, LocalDate openedOn, LocalDate lastStepOn, long version,
                                     int escalationLevel, UnitId escalatedToUnitId, int missedReports) {
}
