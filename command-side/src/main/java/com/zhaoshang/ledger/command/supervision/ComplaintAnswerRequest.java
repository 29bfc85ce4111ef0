package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/complaints/{id}/answer}: the recorded response. */
public record ComplaintAnswerRequest(
        @NotBlank @Size(max = 2000) @PlainText(multiLine = true) String answer,
        @NotNull @IsoDate LocalDate occurredOn) {
}
