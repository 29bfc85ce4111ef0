package com.zhaoshang.ledger.api.supervision;

import java.util.List;

/** The answer to {@link FindApprovalsQuery}: earliest due first. */
public record ApprovalList(List<ApprovalSummary> approvals) {
}
