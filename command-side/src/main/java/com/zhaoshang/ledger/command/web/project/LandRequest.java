package com.zhaoshang.ledger.command.web.project;

import com.zhaoshang.ledger.command.web.request.PlainText;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import com.zhaoshang.ledger.command.web.request.IsoDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code POST /api/projects/{id}/land}: land supplied (供地), in mu. */
public record LandRequest(
        @NotBlank @Size(max = 64) @PlainText String parcelId,
        @NotNull @Positive @Digits(integer = 9, fraction = 4, message = "must have at most 9 integer digits and 4 decimals")
        BigDecimal areaMu,
        @NotNull @IsoDate LocalDate occurredOn) {
}
