package com.zhaoshang.ledger.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records the start of production (投产). */
public record StartProductionCommand(@TargetAggregateIdentifier String projectId, LocalDate occurredOn, Long expectedVersion) {
}
