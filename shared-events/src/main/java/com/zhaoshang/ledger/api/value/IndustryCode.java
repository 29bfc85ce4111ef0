package com.zhaoshang.ledger.api.value;

import java.util.Locale;
import java.util.Objects;

/**
 * An industry of the national classification GB/T 4754-2017 (国民经济行业分类): a section letter A–T followed by a
 * two-digit division and optionally the group and class digits, e.g. {@code C}, {@code C30}, {@code C301},
 * {@code C3011}. A code given without its letter ({@code 3011}) gets the letter of its division's section.
 * "Industrial" (工业) means sections B, C and D.
 */
public record IndustryCode(String value) {

    /** First and last division of each section A..T, as GB/T 4754-2017 numbers them. */
    private static final int[][] DIVISIONS = {
            {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
            {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97}};

    public IndustryCode {
        Objects.requireNonNull(value, "industry code is required");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Parses a code as people write it: blanks removed, lower case accepted, the section letter added if missing. */
    public static IndustryCode of(String text) {
        Objects.requireNonNull(text, "industry code is required");
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() >= 2 && code.length() <= 4 && code.chars().allMatch(Character::isDigit)) {
            char section = sectionOfDivision(Integer.parseInt(code.substring(0, 2)));
            if (section == 0) {
                throw new IllegalArgumentException("industry division " + code.substring(0, 2) + " does not exist in GB/T 4754");
            }
            code = section + code;
        }
        return new IndustryCode(code);
    }

    public static boolean isValid(String value) {
        return value != null && problemWith(value) == null;
    }

    public char section() {
        return value.charAt(0);
    }

    /** 工业: mining (B), manufacturing (C), and electricity, heat, gas and water (D). */
    public boolean isIndustrial() {
        char s = section();
        return s == 'B' || s == 'C' || s == 'D';
    }

    /** Whether this code is the given code or lies below it ({@code C3011} is within {@code C30} and {@code C}). */
    public boolean isWithin(IndustryCode broader) {
        return value.startsWith(broader.value);
    }

    private static char sectionOfDivision(int division) {
        for (int i = 0; i < DIVISIONS.length; i++) {
            if (division >= DIVISIONS[i][0] && division <= DIVISIONS[i][1]) {
                return (char) ('A' + i);
            }
        }
        return 0;
    }

    private static String problemWith(String value) {
        if (value.isEmpty() || value.length() > 5) {
            return "an industry code is a section letter and up to four digits (GB/T 4754), e.g. C3011";
        }
        char section = value.charAt(0);
        if (section < 'A' || section > 'T') {
            return "industry section must be a letter A to T (GB/T 4754), not '" + section + "'";
        }
        String digits = value.substring(1);
        if (digits.length() == 1 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "industry code " + value + " must be a section letter followed by 2, 3 or 4 digits";
        }
        if (!digits.isEmpty()) {
            int division = Integer.parseInt(digits.substring(0, 2));
            if (sectionOfDivision(division) != section) {
                return "industry division " + digits.substring(0, 2) + " does not belong to section " + section + " in GB/T 4754";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
