package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records capital reported as arrived (资金到位, 实际进资); it counts only once verified. {@code arrivalId} is made by the server. */
public record RecordCapitalArrivalCommand(@TargetAggregateIdentifier String projectId, String arrivalId, Money amount, boolean foreignExchange, LocalDate occurredOn, Long expectedVersion) {
}
