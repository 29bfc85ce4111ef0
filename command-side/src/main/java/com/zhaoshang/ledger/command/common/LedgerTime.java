package com.zhaoshang.ledger.command.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business time. The dates clients declare ({@code occurredOn}) are Chinese business dates, so "today" is the
 * date in {@code Asia/Shanghai} on the injected {@link Clock}, never the wall clock of the server.
 */
public final class LedgerTime {

    /** The business time zone of every bureau (China has one time zone). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private LedgerTime() {
    }

    /** Today's business date by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
