package com.zhaoshang.ledger.api.value;

import java.util.Objects;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the alphabet
 * {@code 0-9 A-H J-N P-R T U W-Y}, the last a check character over the first seventeen (weights 3^i mod 31).
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    public static final int LENGTH = 18;

    public CreditCode {
        Objects.requireNonNull(value, "credit code is required");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses a code written by a person: surrounding blanks removed, lower case accepted. */
    public static CreditCode of(String text) {
        return new CreditCode(text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public static boolean isValid(String value) {
        return value != null && problemWith(value) == null;
    }

    /** The check character the first seventeen characters call for. */
    public static char checkCharacterFor(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not allowed");
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    private static String problemWith(String value) {
        if (value.length() != LENGTH) {
            return "a unified social credit code has 18 characters, not " + value.length();
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "character " + (i + 1) + " of the credit code is not allowed (I, O, S, V, Z and lower case are never used)";
            }
        }
        char expected = checkCharacterFor(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            return "check character of credit code " + value + " is wrong: expected " + expected;
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
