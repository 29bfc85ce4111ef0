package com.zhaoshang.ledger.query.common;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Rows inserted with one {@code INSERT … SELECT … FROM unnest(?::text[], …) <tail>} statement per {@link #ROWS} rows:
 * one array parameter per column, so the statement text is the same whatever the number of rows and PostgreSQL parses
 * and plans it once per connection, where a multi-row {@code VALUES} list of 200 rows had 2,400 parameters to parse,
 * bind and plan at every execution (at 10^6 events that cost the late-entry rebuild as much as the inserts themselves).
 * Each value travels as text and is cast to its column's type in the statement. With an {@code ON CONFLICT DO NOTHING}
 * tail a row that conflicts — with a stored row or with an earlier row of the same statement — is skipped, as it
 * would be alone; with {@code ON CONFLICT … DO UPDATE} the rows' keys must be distinct. Rows are inserted in the order
 * given.
 */
public final class MultiRowInsert {

    static final int ROWS = 1000;

    private MultiRowInsert() {
    }

    /**
     * @param head  {@code INSERT INTO table (a, b, c)}
     * @param tail  what follows the rows, e.g. {@code ON CONFLICT (a) DO NOTHING}
     * @param types the PostgreSQL type of every column, in order ({@code text}, {@code bigint}, {@code date},
     *              {@code timestamptz}…); every row has one value per type
     */
    public static void insert(JdbcTemplate jdbc, String head, String tail, List<String> types, List<Object[]> rows) {
        int columns = types.size();
        StringBuilder select = new StringBuilder(head).append("\nSELECT ");
        StringBuilder arrays = new StringBuilder(" FROM unnest(");
        StringBuilder names = new StringBuilder(") AS v(");
        for (int c = 0; c < columns; c++) {
            String separator = c == 0 ? "" : ", ";
            select.append(separator).append("c").append(c).append("::").append(types.get(c));
            arrays.append(separator).append("?::text[]");
            names.append(separator).append("c").append(c);
        }
        String sql = select.append(arrays).append(names).append(")\n").append(tail).toString();
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
            String[][] values = new String[columns][chunk.size()];
            for (int r = 0; r < chunk.size(); r++) {
                Object[] row = chunk.get(r);
                if (row.length != columns) {
                    throw new IllegalArgumentException("a row of " + row.length + " values for " + columns + " columns");
                }
                for (int c = 0; c < columns; c++) {
                    values[c][r] = text(row[c]);
                }
            }
            Object[] args = new Object[columns];
            for (int c = 0; c < columns; c++) {
                args[c] = new TextArray(values[c]);
            }
            jdbc.update(sql, args);
        }
    }

    /** A value as PostgreSQL reads it back unchanged: ISO dates and instants with their offset. */
    static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime timestamp) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp);
        }
        throw new IllegalArgumentException("no text form for a " + value.getClass().getName());
    }
}
