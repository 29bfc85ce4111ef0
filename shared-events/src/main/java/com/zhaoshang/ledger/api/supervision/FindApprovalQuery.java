package com.zhaoshang.ledger.api.supervision;

/** One approval request; answered with an {@code Optional<ApprovalSummary>}. */
public record FindApprovalQuery(String approvalId) {
}
