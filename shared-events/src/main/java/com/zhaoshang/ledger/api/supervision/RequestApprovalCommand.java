package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An approval (审批) requested from a department (a unit of the tree) for a project, to be decided within
 * {@code timeLimitDays} working days. 超时默认 applies to industrial projects of ≥ 1亿 CNY or ≥ US$10m; the command side
 * reads the project's industry and investment from its facts and refuses requests for other projects.
 */
public record RequestApprovalCommand(@TargetAggregateIdentifier String approvalId, String projectId,
                                     UnitId departmentUnitId, String subject, int timeLimitDays, LocalDate occurredOn) {
}
