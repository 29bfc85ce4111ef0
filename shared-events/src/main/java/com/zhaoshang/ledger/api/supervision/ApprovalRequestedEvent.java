package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An approval was requested; {@code deemedGrantApplies}: whether a lapse past {@code dueOn} deems it granted.
 * {@code department} is the deciding department's unit id; {@code industrial} and {@code investment} are the
 * project's (its contract amount once signed, else its intent amount, else its intended amount).
 */
@Revision("1")
public record ApprovalRequestedEvent(String approvalId, String projectId, String department, String subject,
                                     boolean industrial, Money investment, int timeLimitDays, LocalDate dueOn,
                                     boolean deemedGrantApplies, LocalDate occurredOn) {
}
