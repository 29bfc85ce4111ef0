package com.zhaoshang.ledger.api.value;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount in yuan (CNY) or dollars (USD), at most two decimals. Never a float, never converted.
 * <p>
 * The compact constructor only checks what every stored event has always satisfied (non-null, at most two
 * decimals, at most 16 integer digits), so old events keep loading; positivity is a business rule checked
 * where money enters a command.
 */
public record Money(
        @NotNull @Digits(integer = Money.MAX_INTEGER_DIGITS, fraction = Money.MAX_FRACTION_DIGITS) BigDecimal amount,
        @NotNull Currency currency) implements Comparable<Money> {

    public static final int MAX_INTEGER_DIGITS = 16;
    public static final int MAX_FRACTION_DIGITS = 2;

    public Money {
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(currency, "currency is required");
        if (amount.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("amount has more than " + MAX_FRACTION_DIGITS + " decimals: " + amount);
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        amount = amount.setScale(MAX_FRACTION_DIGITS, java.math.RoundingMode.UNNECESSARY);
    }

    public static Money cny(String amount) {
        return new Money(new BigDecimal(amount), Currency.CNY);
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), Currency.USD);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Named so that Jackson does not mistake it for a property ({@code isX()} would be written as {@code "x"}). */
    public boolean greaterThanZero() {
        return amount.signum() > 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency
                    + ": currencies are never converted");
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
