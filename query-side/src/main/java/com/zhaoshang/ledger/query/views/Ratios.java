package com.zhaoshang.ledger.query.views;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Completion and rates: a ratio with three decimals, rounded half up (93/192 = 0.484); null when nothing is expected. */
public final class Ratios {

    public static final int SCALE = 3;

    private Ratios() {
    }

    public static BigDecimal ratio(BigDecimal actual, BigDecimal expected) {
        if (expected == null || expected.signum() == 0) {
            return null;
        }
        return actual.divide(expected, SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratio(long actual, long expected) {
        return ratio(BigDecimal.valueOf(actual), BigDecimal.valueOf(expected));
    }
}
