package com.zhaoshang.ledger.command.web.request;

import com.zhaoshang.ledger.api.value.CreditCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unified social credit code as {@link CreditCode#of} reads it (GB 32100: 18 characters and a check character). */
@Documented
@Constraint(validatedBy = CreditCodeText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CreditCodeText {

    String message() default "is not a unified social credit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CreditCodeText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > 40) {
                return ViolationMessages.refuse(context, "a unified social credit code has 18 characters");
            }
            try {
                CreditCode.of(value);
                return true;
            } catch (IllegalArgumentException e) {
                return ViolationMessages.refuse(context, e.getMessage());
            }
        }
    }
}
