package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/projects/{id}/abandonment} and {@code …/termination}: why the project ended. */
public record EndingRequest(
        @NotBlank @Size(max = 1000) @PlainText(multiLine = true) String reason,
        @NotNull @IsoDate LocalDate occurredOn) {
}
