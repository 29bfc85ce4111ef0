package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One open finding of a supervision rule.
 *
 * @param sinceOn      the fact the rule counted from (signing, land assignment)
 * @param dueOn        the day the rule fired (the warning day, the first day overdue, …)
 * @param deadlineOn   for the construction rule, the last day construction could start; else null
 * @param ruleDays     the rule's parameter used (deadline days, stalled days, idle-land days)
 * @param daysOverdue  for CONSTRUCTION_OVERDUE, today − deadlineOn by the query side's clock; else null
 * @param daysSince    today − sinceOn (days since signing or since the land was assigned)
 */
public record OpenFinding(String projectId, String projectName, UnitId unitId, SupervisionRule rule, FindingKind kind,
                          LocalDate sinceOn, LocalDate dueOn, LocalDate deadlineOn, int ruleDays, LocalDate detectedOn,
                          String leaderName, String parcelId, BigDecimal areaMu, Long daysOverdue, long daysSince) {
}
