package com.zhaoshang.ledger.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The department decides an approval request, granting or refusing it with a reason. */
public record DecideApprovalCommand(@TargetAggregateIdentifier String approvalId, boolean granted, String reason,
                                    LocalDate occurredOn, Long expectedVersion) {
}
