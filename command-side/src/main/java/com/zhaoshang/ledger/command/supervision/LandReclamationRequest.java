package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/projects/{id}/land-reclamation}: an inspector confirms a proposed reclamation, and why. */
public record LandReclamationRequest(
        @NotBlank @Size(max = 1000) @PlainText(multiLine = true) String reason,
        @NotNull @IsoDate LocalDate occurredOn) {
}
