package com.zhaoshang.ledger.command.common;

import com.zhaoshang.ledger.api.ErrorCode;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The date rules every declared fact obeys. A refusal is {@link ErrorCode#RULE_VIOLATED} with a message naming the
 * date and the bound it broke.
 * <ul>
 *   <li>{@link #requireDeclaredDate}: {@code occurredOn} is required, not after today (business date by the injected
 *   clock, zone {@code Asia/Shanghai}) and not before {@link #EARLIEST} (2000-01-01).</li>
 *   <li>{@link #requireNotBefore}: a fact never precedes the fact it follows (a construction start cannot precede the
 *   signing).</li>
 * </ul>
 */
public final class BusinessDates {

    /** Nothing the ledger records happened before this date. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private BusinessDates() {
    }

    /** 日期规则: a declared business date exists, is not in the future and not before 2000-01-01. */
    public static void requireDeclaredDate(LocalDate occurredOn, Clock clock, String fact) {
        if (occurredOn == null) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "occurredOn is required: the business date of the " + fact);
        }
        LocalDate today = LedgerTime.today(clock);
        if (occurredOn.isAfter(today)) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "occurredOn " + occurredOn + " of the " + fact
                    + " is in the future: today is " + today + " (" + LedgerTime.ZONE + ")");
        }
        if (occurredOn.isBefore(EARLIEST)) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "occurredOn " + occurredOn + " of the " + fact
                    + " is before " + EARLIEST + ", the earliest date the ledger accepts");
        }
    }

    /** A fact never precedes the earlier fact it follows; {@code floor} may be null when there is none. */
    public static void requireNotBefore(LocalDate occurredOn, LocalDate floor, String fact, String earlierFact) {
        if (floor != null && occurredOn.isBefore(floor)) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, "occurredOn " + occurredOn + " of the " + fact
                    + " is before " + floor + ", the date of the " + earlierFact + "; a fact cannot precede it");
        }
    }
}
