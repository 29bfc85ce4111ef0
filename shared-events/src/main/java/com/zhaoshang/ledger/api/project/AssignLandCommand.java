package com.zhaoshang.ledger.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Records land supplied to the project (供地), in mu. */
public record AssignLandCommand(@TargetAggregateIdentifier String projectId, String parcelId, BigDecimal areaMu, LocalDate occurredOn, Long expectedVersion) {
}
