package com.zhaoshang.ledger.api.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Marks a lead as under negotiation (在谈). */
public record StartNegotiationCommand(@TargetAggregateIdentifier String projectId, LocalDate occurredOn, Long expectedVersion) {
}
