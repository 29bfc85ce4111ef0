package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Capital was reported as arrived; not counted until verified. */
@Revision("1")
public record CapitalArrivedEvent(String projectId, String arrivalId, Money amount, boolean foreignExchange, LocalDate occurredOn) implements ProjectEvent {
}
