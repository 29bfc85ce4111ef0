package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An approval (审批) requested from a department for a project, to be decided within {@code timeLimitDays} working
 * days; {@code industrial} and {@code investment} decide whether 超时默认 applies (industrial projects of ≥ 1亿 CNY
 * or ≥ US$10m).
 */
public record RequestApprovalCommand(@TargetAggregateIdentifier String approvalId, String projectId, String department,
                                     String subject, boolean industrial, Money investment, int timeLimitDays,
                                     LocalDate occurredOn) {
}
