package com.zhaoshang.ledger.command.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates clients declare are Chinese business dates. */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessDate() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
