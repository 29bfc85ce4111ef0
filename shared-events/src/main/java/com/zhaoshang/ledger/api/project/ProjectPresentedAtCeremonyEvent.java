package com.zhaoshang.ledger.api.project;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An already signed project was presented again at another signing ceremony. Recorded for history; it never counts as a signing. */
@Revision("1")
public record ProjectPresentedAtCeremonyEvent(String projectId, String ceremony, LocalDate occurredOn) implements ProjectEvent {
}
