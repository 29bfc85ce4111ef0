package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A step of a supervision case: what was done (optional note) and when. */
public record CaseStepRequest(
        @Size(max = 2000) @PlainText(multiLine = true) String note,
        @NotNull @IsoDate LocalDate occurredOn) {
}
