package com.zhaoshang.ledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Production started (投产). */
@Revision("1")
public record ProductionStartedEvent(String projectId, LocalDate occurredOn) implements ProjectEvent {
}
