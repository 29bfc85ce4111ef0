package com.zhaoshang.ledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The project was abandoned before a contract. */
@Revision("1")
public record ProjectAbandonedEvent(String projectId, String reason, LocalDate occurredOn) implements ProjectEvent {
}
