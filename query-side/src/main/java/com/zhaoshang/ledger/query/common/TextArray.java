package com.zhaoshang.ledger.query.common;

import org.springframework.jdbc.core.SqlTypeValue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A {@code text[]} statement parameter ({@code = ANY(?)}, {@code unnest(?::text[])}), created on the statement's own
 * connection: one parameter and one statement text whatever the number of values (an {@code IN (?, ?, …)} list is a
 * new statement for the server to parse and plan at every length).
 */
public record TextArray(String[] values) implements SqlTypeValue {

    public static TextArray of(Collection<String> values) {
        return new TextArray(values.toArray(String[]::new));
    }

    @Override
    public void setTypeValue(PreparedStatement statement, int index, int sqlType, String typeName) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("text", values));
    }
}
