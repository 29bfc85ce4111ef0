package com.zhaoshang.ledger.command.web.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters, no invisible formatting characters (bidirectional overrides,
 * zero-width marks), no line or paragraph separators, no broken surrogate pairs. Line breaks only where
 * {@link #multiLine()} allows them. Null is valid (pair with {@code @NotBlank} where required).
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control or invisible formatting characters, markup or SQL-like sequences";

    /** Whether line feeds (and carriage returns before them) are allowed. */
    boolean multiLine() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private static final java.util.regex.Pattern INJECTION = java.util.regex.Pattern.compile(
                "--|/\\*|\\*/|;\\s*(drop|delete|insert|update|select|alter|create|truncate|exec|grant)\\b"
                        + "|'\\s*(or|and)\\s+'?[\\w']*'?\\s*=|\\bunion\\s+(all\\s+)?select\\b"
                        + "|\\b(drop|truncate|alter)\\s+table\\b|\\bxp_cmdshell\\b|\\bpg_sleep\\s*\\("
                        + "|javascript\\s*:|\\bon[a-z]+\\s*=",
                java.util.regex.Pattern.CASE_INSENSITIVE);

        private boolean multiLine;

        @Override
        public void initialize(PlainText annotation) {
            this.multiLine = annotation.multiLine();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (isPlain(value, multiLine) && !looksLikeInjection(value));
        }

        /**
         * Markup ({@code <}, {@code >}: Chinese text quotes titles with 《》) and sequences that only SQL or script
         * injection uses (comments, stacked statements, tautologies, {@code UNION SELECT}, {@code javascript:}).
         * Defence in depth, documented in docs/SECURITY.md: every query is parameterised and every answer is JSON.
         */
        static boolean looksLikeInjection(String value) {
            return value.indexOf('<') >= 0 || value.indexOf('>') >= 0 || INJECTION.matcher(value).find();
        }

        static boolean isPlain(String value, boolean multiLine) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                    continue;
                }
                if (multiLine && (c == '\n' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n'))) {
                    continue;
                }
                switch (Character.getType(c)) {
                    case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                         Character.SURROGATE, Character.UNASSIGNED -> {
                        return false;
                    }
                    default -> {
                    }
                }
            }
            return true;
        }
    }
}
