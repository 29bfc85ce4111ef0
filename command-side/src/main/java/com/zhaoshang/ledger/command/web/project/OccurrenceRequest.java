package com.zhaoshang.ledger.command.web.project;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A milestone that is only a date: negotiation, construction start, completion, production start. */
public record OccurrenceRequest(@NotNull LocalDate occurredOn) {
}
