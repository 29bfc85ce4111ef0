package com.zhaoshang.ledger.query.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Collection;

/**
 * A projection's read of the rows of many keys at once ({@code … WHERE key = ANY(?)}, the keys as one text array),
 * planned for the keys it is given at every execution. PostgreSQL would otherwise keep the generic plan it made for the
 * driver's prepared statement the first times it ran — during a rebuild, when the table was nearly empty: a sequential
 * scan comparing every row with every key, 24 ms a batch once the late-entry rebuild's table held 10^5 projects,
 * instead of an index scan per key.
 */
public final class KeyLookup {

    private KeyLookup() {
    }

    /** Runs {@code sql} (its one parameter: the keys) in the current transaction, each row to {@code rows}. */
    public static void query(JdbcTemplate jdbc, String sql, Collection<String> keys, RowCallbackHandler rows) {
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        try {
            jdbc.query(sql, rows, TextArray.of(keys));
        } finally {
            jdbc.execute("SET LOCAL plan_cache_mode TO DEFAULT");
        }
    }
}
