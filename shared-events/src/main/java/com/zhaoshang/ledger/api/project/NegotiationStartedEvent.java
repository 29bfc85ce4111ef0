package com.zhaoshang.ledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Negotiation started (在谈). */
@Revision("1")
public record NegotiationStartedEvent(String projectId, LocalDate occurredOn) implements ProjectEvent {
}
