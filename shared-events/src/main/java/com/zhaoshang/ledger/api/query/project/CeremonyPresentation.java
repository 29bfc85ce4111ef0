package com.zhaoshang.ledger.api.query.project;

import java.time.Instant;
import java.time.LocalDate;

/** A signing ceremony an already signed project was presented at again: history, never a second signing. */
public record CeremonyPresentation(String ceremony, LocalDate occurredOn, Instant recordedAt) {
}
