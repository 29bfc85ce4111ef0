package com.zhaoshang.ledger.command.web.request;

import com.zhaoshang.ledger.api.value.IndustryCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An industry code of GB/T 4754 as {@link IndustryCode#of} reads it ({@code C3011}, or {@code 3011}). */
@Documented
@Constraint(validatedBy = IndustryCodeText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IndustryCodeText {

    String message() default "is not a GB/T 4754 industry code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IndustryCodeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > 16) {
                return ViolationMessages.refuse(context, "an industry code is a section letter and up to four digits, e.g. C3011");
            }
            try {
                IndustryCode.of(value);
                return true;
            } catch (IllegalArgumentException e) {
                return ViolationMessages.refuse(context, e.getMessage());
            }
        }
    }
}
