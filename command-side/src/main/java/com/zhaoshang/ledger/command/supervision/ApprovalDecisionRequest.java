package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.command.web.request.IsoDate;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/approvals/{id}/decision}: the department grants or refuses, with its reason. */
public record ApprovalDecisionRequest(
        @NotNull Boolean granted,
        @NotBlank @Size(max = 2000) @PlainText(multiLine = true) String reason,
        @NotNull @IsoDate LocalDate occurredOn) {
}
