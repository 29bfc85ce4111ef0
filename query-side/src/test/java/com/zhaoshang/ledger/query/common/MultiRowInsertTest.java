package com.zhaoshang.ledger.query.common;

import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Multi-row inserts: every row once, across chunks, each value as given; a row conflicting with a stored or an earlier
 * row skipped.
 */
class MultiRowInsertTest {

    private static final String HEAD = """
            INSERT INTO audit_fact (event_id, type, aggregate_id, sequence, project_id, unit_id, occurred_on, recorded_at,
                lag_days, user_id, role, actor_unit_id)""";
    private static final String TAIL = "ON CONFLICT (event_id) DO NOTHING";
    private static final List<String> TYPES = List.of("text", "text", "text", "bigint", "text", "text", "date",
            "timestamptz", "integer", "text", "text", "text");

    private final JdbcTemplate jdbc = new JdbcTemplate(QueryTestDatabase.migrated("multi-row-insert"));

    @Test
    void everyRowOnceAcrossChunksAndConflictsSkipped() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2450; i++) {
            rows.add(row("e-" + i, i % 3 == 0 ? null : (long) i, "lag " + i));
        }
        rows.add(150, row("e-7", 99L, "a later duplicate in the same statement"));
        rows.add(1500, row("e-8", 99L, "a later duplicate in the next statement"));
        MultiRowInsert.insert(jdbc, HEAD, TAIL, TYPES, rows);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_fact", Long.class)).isEqualTo(2450);
        assertThat(jdbc.queryForObject("SELECT user_id FROM audit_fact WHERE event_id = 'e-7'", String.class)).isEqualTo("lag 7");
        assertThat(jdbc.queryForObject("SELECT user_id FROM audit_fact WHERE event_id = 'e-8'", String.class)).isEqualTo("lag 8");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_fact WHERE sequence IS NULL", Long.class)).isEqualTo(817);
        // every value read back as it was given: text, numbers, null, the date and the instant
        assertThat(jdbc.queryForMap("""
                SELECT type, aggregate_id, sequence, project_id, unit_id, occurred_on, recorded_at = '2025-03-04T08:00:00.123456Z'
                    AS same_instant, lag_days, role FROM audit_fact WHERE event_id = 'e-10'"""))
                .containsEntry("type", "CapitalArrivedEvent").containsEntry("aggregate_id", "p-e-10")
                .containsEntry("sequence", 10L).containsEntry("project_id", null).containsEntry("unit_id", "360802")
                .containsEntry("occurred_on", java.sql.Date.valueOf(LocalDate.of(2025, 3, 1)))
                .containsEntry("same_instant", true).containsEntry("lag_days", 3).containsEntry("role", "FRONT_OFFICE");

        MultiRowInsert.insert(jdbc, HEAD, TAIL, TYPES, rows.subList(100, 1420));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_fact", Long.class)).isEqualTo(2450);
        assertThat(jdbc.queryForObject("SELECT sum(lag_days) FROM audit_fact", Long.class)).isEqualTo(2450L * 3);
    }

    @Test
    void aRowOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> MultiRowInsert.insert(jdbc, HEAD, TAIL, TYPES, List.<Object[]>of(new Object[] {"x"})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object[] row(String eventId, Long sequence, String userId) {
        return new Object[] {eventId, "CapitalArrivedEvent", "p-" + eventId, sequence, null, "360802",
                LocalDate.of(2025, 3, 1), OffsetDateTime.of(2025, 3, 4, 16, 0, 0, 123_456_000, ZoneOffset.ofHours(8)), 3, userId,
                "FRONT_OFFICE", "360802"};
    }
}
