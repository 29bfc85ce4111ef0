package com.zhaoshang.ledger.query.common;

import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the vocabulary's types and the projection tables' columns. */
public final class Rows {

    private Rows() {
    }

    /** An instant as the JDBC driver takes it for a {@code TIMESTAMPTZ} column. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    public static String currency(Money money) {
        return money == null ? null : money.currency().name();
    }

    /** The money in an amount column and its currency column; {@code null} when the amount is. */
    public static Money money(ResultSet rs, String amountColumn, String currencyColumn) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(amountColumn);
        return amount == null ? null : new Money(amount, Currency.valueOf(rs.getString(currencyColumn)));
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
