package com.zhaoshang.ledger.api.value;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a unit (单位). Administrative divisions use their GB/T 2260 code (6 digits, e.g.
 * {@code 360802}) or the 9 or 12 digit statistical code of a town; other units (departments, zones, teams)
 * a stable lower-case slug such as {@code jaz-dept-commerce}.
 */
public record UnitId(String value) {

    public static final String PATTERN = "[0-9]{6}([0-9]{3}|[0-9]{6})?|[a-z][a-z0-9-]{1,63}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public UnitId {
        Objects.requireNonNull(value, "unit id is required");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("unit id '" + abbreviate(value)
                    + "' is neither a GB/T 2260 division code (6, 9 or 12 digits) nor a lower-case slug");
        }
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public String toString() {
        return value;
    }
}
