package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.EvidenceRequest;
import com.zhaoshang.ledger.command.web.request.MoneyRequest;
import jakarta.validation.Valid;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** {@code POST …/capital-arrivals/{arrivalId}/verification}: a verifier confirms an arrival; {@code occurredOn} defaults to today. */
public record VerificationRequest(
        @NotNull @Valid MoneyRequest verifiedAmount,
        @NotNull @Valid EvidenceRequest evidence,
        @IsoDate LocalDate occurredOn) {
}
