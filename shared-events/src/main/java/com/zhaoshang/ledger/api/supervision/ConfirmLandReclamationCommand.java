package com.zhaoshang.ledger.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An inspector confirms the reclamation of idle land a rule proposed (收回闲置土地). */
public record ConfirmLandReclamationCommand(@TargetAggregateIdentifier String projectId, String reason,
                                            LocalDate occurredOn, Long expectedVersion) {
}
