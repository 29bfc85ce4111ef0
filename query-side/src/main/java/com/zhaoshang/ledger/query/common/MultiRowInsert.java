package com.zhaoshang.ledger.query.common;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Rows inserted with multi-row {@code INSERT … VALUES (…), (…), … <tail>} statements of at most {@link #ROWS} rows:
 * PostgreSQL plans and executes one statement per chunk instead of one per row (what the driver's
 * {@code reWriteBatchedInserts} does, for these statements only). With an {@code ON CONFLICT DO NOTHING} tail a row
 * that conflicts — with a stored row or with an earlier row of the same statement — is skipped, as it would be alone.
 */
public final class MultiRowInsert {

    static final int ROWS = 200;

    private MultiRowInsert() {
    }

    /**
     * @param head    {@code INSERT INTO table (a, b, c)}
     * @param tail    what follows the values, e.g. {@code ON CONFLICT (a) DO NOTHING}
     * @param columns the number of columns, the length of every row
     */
    public static void insert(JdbcTemplate jdbc, String head, String tail, int columns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
            StringBuilder sql = new StringBuilder(head.length() + tail.length() + chunk.size() * (columns * 2 + 4));
            sql.append(head).append(" VALUES ");
            Object[] args = new Object[chunk.size() * columns];
            for (int r = 0; r < chunk.size(); r++) {
                Object[] row = chunk.get(r);
                if (row.length != columns) {
                    throw new IllegalArgumentException("a row of " + row.length + " values for " + columns + " columns");
                }
                System.arraycopy(row, 0, args, r * columns, columns);
                sql.append(r == 0 ? "(" : ", (");
                for (int c = 0; c < columns; c++) {
                    sql.append(c == 0 ? "?" : ", ?");
                }
                sql.append(')');
            }
            sql.append(' ').append(tail);
            jdbc.update(sql.toString(), args);
        }
    }
}
