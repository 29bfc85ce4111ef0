package com.zhaoshang.ledger.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Terminates a signed contract (未履约, 合同终止). */
public record TerminateContractCommand(@TargetAggregateIdentifier String projectId, String reason, LocalDate occurredOn, Long expectedVersion) {
}
