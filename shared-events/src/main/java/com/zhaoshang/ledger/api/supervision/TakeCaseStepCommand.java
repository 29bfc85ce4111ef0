package com.zhaoshang.ledger.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Takes the next step of a supervision case's workflow ({@link CaseStep}), with a note of what was done. */
public record TakeCaseStepCommand(@TargetAggregateIdentifier String caseId, CaseStep step, String note,
                                  LocalDate occurredOn, Long expectedVersion) {
}
