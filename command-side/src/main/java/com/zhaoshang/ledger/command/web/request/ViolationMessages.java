package com.zhaoshang.ledger.command.web.request;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a value type's own explanation (e.g. the credit code's wrong check character) as the violation message. */
final class ViolationMessages {

    private ViolationMessages() {
    }

    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
        return false;
    }

    /** The message may quote client input: keep the validator from reading it as a template. */
    private static String escape(String message) {
        StringBuilder out = new StringBuilder(message.length() + 8);
        for (char c : message.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
