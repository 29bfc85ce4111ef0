package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.EvidenceRequest;
import jakarta.validation.Valid;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** {@code POST /api/projects/{id}/registration}: a verifier registers the signed project (签约入库). */
public record RegistrationRequest(@NotNull @Valid EvidenceRequest evidence, @NotNull @IsoDate LocalDate occurredOn) {
}
