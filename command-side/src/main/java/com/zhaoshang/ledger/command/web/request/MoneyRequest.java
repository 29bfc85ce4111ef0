package com.zhaoshang.ledger.command.web.request;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/**
 * Money as clients write it: {@code {"amount": "92900000.00", "currency": "CNY"}}, the amount a JSON string or
 * number read exactly (never through a float); positive, at most two decimals and sixteen integer digits.
 */
public record MoneyRequest(
        @NotNull @Positive
        @Digits(integer = Money.MAX_INTEGER_DIGITS, fraction = Money.MAX_FRACTION_DIGITS,
                message = "must have at most 16 integer digits and 2 decimals") BigDecimal amount,
        @NotNull Currency currency) {

    public Money toMoney() {
        return new Money(amount, currency);
    }

    public static Money toMoneyOrNull(MoneyRequest request) {
        return request == null ? null : request.toMoney();
    }
}
