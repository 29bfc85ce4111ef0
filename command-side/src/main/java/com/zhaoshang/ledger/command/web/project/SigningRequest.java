package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.LeaderRequest;
import com.zhaoshang.ledger.command.web.request.MoneyRequest;
import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.Valid;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /api/projects/{id}/signing}: the formal contract, optionally at a signing ceremony. */
public record SigningRequest(
        @NotNull @Valid MoneyRequest contractAmount,
        @Size(max = 200) @PlainText String ceremony,
        @NotNull @Valid LeaderRequest responsibleLeader,
        @NotNull @IsoDate LocalDate occurredOn) {
}
