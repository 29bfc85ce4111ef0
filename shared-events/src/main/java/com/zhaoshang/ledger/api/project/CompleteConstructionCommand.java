package com.zhaoshang.ledger.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records the completion of construction (竣工). */
public record CompleteConstructionCommand(@TargetAggregateIdentifier String projectId, LocalDate occurredOn, Long expectedVersion) {
}
