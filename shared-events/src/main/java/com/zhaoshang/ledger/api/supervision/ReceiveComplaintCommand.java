package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An investor's complaint (投诉) received by a unit, optionally about a project. */
public record ReceiveComplaintCommand(@TargetAggregateIdentifier String complaintId, UnitId unitId, String projectId,
                                      String complainant, String subject, LocalDate occurredOn) {
}
