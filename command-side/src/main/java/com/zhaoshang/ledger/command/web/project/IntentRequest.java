package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.MoneyRequest;
import jakarta.validation.Valid;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** {@code POST /api/projects/{id}/intent}: an intent or framework agreement (意向/框架协议). */
public record IntentRequest(@NotNull @Valid MoneyRequest amount, @NotNull @IsoDate LocalDate occurredOn) {
}
