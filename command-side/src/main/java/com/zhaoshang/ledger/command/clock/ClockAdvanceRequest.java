package com.zhaoshang.ledger.command.clock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/admin/clock/advance}: how many days to move the demo clock forward. */
public record ClockAdvanceRequest(@NotNull @Min(1) @Max(3650) Integer days) {
}
