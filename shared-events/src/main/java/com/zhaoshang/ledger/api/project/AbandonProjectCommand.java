package com.zhaoshang.ledger.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Abandons a project that never reached a contract (放弃). */
public record AbandonProjectCommand(@TargetAggregateIdentifier String projectId, String reason, LocalDate occurredOn, Long expectedVersion) {
}
