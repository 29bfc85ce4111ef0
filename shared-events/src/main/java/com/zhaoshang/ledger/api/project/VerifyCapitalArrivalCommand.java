package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A verifier confirms an arrival (认定进资) for the amount the evidence proves. */
public record VerifyCapitalArrivalCommand(@TargetAggregateIdentifier String projectId, String arrivalId, Money verifiedAmount, Evidence evidence, LocalDate occurredOn, Long expectedVersion) {
}
