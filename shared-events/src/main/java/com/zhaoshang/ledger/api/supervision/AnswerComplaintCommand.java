package com.zhaoshang.ledger.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The recorded response to a complaint (回音). */
public record AnswerComplaintCommand(@TargetAggregateIdentifier String complaintId, String answer,
                                     LocalDate occurredOn, Long expectedVersion) {
}
