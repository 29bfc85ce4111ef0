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

/** Multi-row inserts: every row once, across chunks; a row conflicting with a stored or an earlier row skipped. */
class MultiRowInsertTest {

    private static final String HEAD = """
            INSERT INTO audit_fact (event_id, type, aggregate_id, sequence, project_id, unit_id, occurred_on, recorded_at,
                lag_days, user_id, role, actor_unit_id)""";
    private static final String TAIL = "ON CONFLICT (event_id) DO NOTHING";

    private final JdbcTemplate jdbc = new JdbcTemplate(QueryTestDatabase.migrated("multi-row-insert"));

    @Test
    void everyRowOnceAcrossChunksAndConflictsSkipped() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            rows.add(row("e-" + i, i % 3 == 0 ? null : (long) i, "lag " + i));
        }
        rows.add(150, row("e-7", 99L, "a later duplicate in the same statement"));
        MultiRowInsert.insert(jdbc, HEAD, TAIL, 12, rows);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_fact", Long.class)).isEqualTo(450);
        assertThat(jdbc.queryForObject("SELECT user_id FROM audit_fact WHERE event_id = 'e-7'", String.class)).isEqualTo("lag 7");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_fact WHERE sequence IS NULL", Long.class)).isEqualTo(150);

        MultiRowInsert.insert(jdbc, HEAD, TAIL, 12, rows.subList(100, 420));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_fact", Long.class)).isEqualTo(450);
        assertThat(jdbc.queryForObject("SELECT sum(lag_days) FROM audit_fact", Long.class)).isEqualTo(450L * 3);
    }

    @Test
    void aRowOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> MultiRowInsert.insert(jdbc, HEAD, TAIL, 12, List.<Object[]>of(new Object[] {"x"})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object[] row(String eventId, Long sequence, String userId) {
        return new Object[] {eventId, "CapitalArrivedEvent", "p-" + eventId, sequence, null, "360802",
                LocalDate.of(2025, 3, 1), OffsetDateTime.of(2025, 3, 4, 8, 0, 0, 0, ZoneOffset.UTC), 3, userId,
                "FRONT_OFFICE", "360802"};
    }
}
