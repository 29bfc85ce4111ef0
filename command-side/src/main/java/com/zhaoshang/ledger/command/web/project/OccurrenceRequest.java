package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A milestone that is only a date: negotiation, construction start, completion, production start. */
public record OccurrenceRequest(@NotNull @IsoDate LocalDate occurredOn) {
}
