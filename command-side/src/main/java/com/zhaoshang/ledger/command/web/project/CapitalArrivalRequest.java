package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.MoneyRequest;
import jakarta.validation.Valid;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** {@code POST /api/projects/{id}/capital-arrivals}: capital reported as arrived (资金到位); {@code foreignExchange} 现汇. */
public record CapitalArrivalRequest(
        @NotNull @Valid MoneyRequest amount,
        Boolean foreignExchange,
        @NotNull @IsoDate LocalDate occurredOn) {

    boolean isForeignExchange() {
        return Boolean.TRUE.equals(foreignExchange);
    }
}
