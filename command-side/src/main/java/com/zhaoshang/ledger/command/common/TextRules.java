package com.zhaoshang.ledger.command.common;

import com.zhaoshang.ledger.api.ErrorCode;

/** The one rule for free text in a command (names, subjects, reasons, notes): present, not blank, bounded. */
public final class TextRules {

    private TextRules() {
    }

    /** Refuses (RULE_VIOLATED) a missing or blank value, or one longer than {@code maxLength} characters. */
    public static void requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, field + " is required and must not be blank");
        }
        requireAtMost(value, field, maxLength);
    }

    /** Refuses (RULE_VIOLATED) an optional value longer than {@code maxLength} characters. */
    public static void requireAtMost(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw Refusal.of(ErrorCode.RULE_VIOLATED, field + " has " + value.length() + " characters; at most "
                    + maxLength + " are allowed");
        }
    }
}
