package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;

import java.time.LocalDate;

/**
 * An approval request as the views show it.
 *
 * @param departmentUnitId          the department asked to decide
 * @param dueOn                     the last working day of its time limit
 * @param decidedOn                 the date of the decision or of the deemed grant (the day after {@code dueOn})
 * @param responsibleDepartmentUnitId for a deemed grant, the department that let the limit lapse; else null
 * @param version                   the aggregate's version (for If-Match on the decision)
 */
public record ApprovalSummary(String approvalId, String projectId, String projectName, UnitId departmentUnitId,
                              String subject, boolean industrial, Money investment, int timeLimitDays,
                              LocalDate requestedOn, LocalDate dueOn, ApprovalStatus status, LocalDate decidedOn,
                              String reason, UnitId responsibleDepartmentUnitId, long version) {
}
