package com.zhaoshang.ledger.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records the start of construction (开工). */
public record StartConstructionCommand(@TargetAggregateIdentifier String projectId, LocalDate occurredOn, Long expectedVersion) {
}
