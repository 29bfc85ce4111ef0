package com.zhaoshang.ledger.api.supervision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The department decided the approval request in time (or, where 超时默认 does not apply, late). */
@Revision("1")
public record ApprovalDecidedEvent(String approvalId, String department, boolean granted, String reason,
                                   LocalDate occurredOn) {
}
