package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A verifier registers a signed project into the project database (签约入库, 市考核认定). */
public record RegisterProjectCommand(@TargetAggregateIdentifier String projectId, Evidence evidence, LocalDate occurredOn, Long expectedVersion) {
}
