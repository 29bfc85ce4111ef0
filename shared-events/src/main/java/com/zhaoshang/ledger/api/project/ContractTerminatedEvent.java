package com.zhaoshang.ledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The signed contract was terminated. */
@Revision("1")
public record ContractTerminatedEvent(String projectId, String reason, LocalDate occurredOn) implements ProjectEvent {
}
