package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.query.common.MultiRowInsert;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The counters of the leaders' views ({@code views_count}, V110) and the unit closure ({@code views_unit_closure}).
 * <p>
 * Counters change by deltas: a fact (or a stage date) that appears adds one to the day, month and year rows of its
 * unit and counter; a fact that changes removes its old contribution and adds the new one; a fact written again
 * unchanged (redelivery, replay) changes nothing. The deltas of a processor's batch are summed in its unit of work
 * and written at prepare-commit, in one JDBC batch, in the order of the counters' keys: the same transaction as the
 * facts, and concurrent segments lock shared counter rows in one global order (they wait, they never deadlock).
 * <p>
 * The closure is rewritten for a unit's whole subtree when the unit is registered or moves, under a transaction-scoped
 * advisory lock, so units registered concurrently by different segments (a town before its district) always end in
 * the closure the recursive walk of {@code views_unit} would give.
 */
@Component
public class ViewCounters {

    /** A fact's contribution to the counters: the columns of {@code views_fact} that are counted. */
    public record Counted(String unitId, String indicator, LocalDate occurredOn, BigDecimal amount, String currency,
                          Boolean industrial) {

        boolean sameAs(Counted other) {
            return other != null && unitId.equals(other.unitId) && indicator.equals(other.indicator)
                    && occurredOn.equals(other.occurredOn) && Objects.equals(currency, other.currency)
                    && Objects.equals(industrial, other.industrial)
                    && (amount == null ? other.amount == null : other.amount != null && amount.compareTo(other.amount) == 0);
        }
    }

    record Key(String unitId, String counter, char grain, LocalDate periodStart, String currency, int industrial) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::grain)
            .thenComparing(Key::periodStart)
            .thenComparing(Key::counter)
            .thenComparing(Key::unitId)
            .thenComparing(Key::currency)
            .thenComparingInt(Key::industrial);

    private static final class Delta {
        long quantity;
        BigDecimal amount = BigDecimal.ZERO;
    }

    private static final String PENDING = ViewCounters.class.getName() + ".pending";
    private static final long CLOSURE_LOCK = 8_110_110L;
    static final String FUNNEL = "funnel:";
    static final char[] GRAINS = {'D', 'M', 'Y'};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ViewCounters(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A fact was written: {@code before} is the row it replaced (null when new). */
    public void factWritten(Counted before, Counted after) {
        if (after.sameAs(before)) {
            return;
        }
        Map<Key, Delta> deltas = pending();
        if (before != null) {
            add(deltas, before, -1);
        }
        add(deltas, after, 1);
        flushNowWithoutUnitOfWork(deltas);
    }

    /** A stage date of a project (a {@code views_project} column) changed from {@code before} to {@code after}. */
    public void stageChanged(String unitBefore, String unitAfter, String column, LocalDate before, LocalDate after) {
        if (Objects.equals(unitBefore, unitAfter) && Objects.equals(before, after)) {
            return;
        }
        Map<Key, Delta> deltas = pending();
        if (before != null && unitBefore != null) {
            addAt(deltas, unitBefore, FUNNEL + column, before, "", -1, -1, null);
        }
        if (after != null && unitAfter != null) {
            addAt(deltas, unitAfter, FUNNEL + column, after, "", -1, 1, null);
        }
        flushNowWithoutUnitOfWork(deltas);
    }

    private static void add(Map<Key, Delta> deltas, Counted fact, int sign) {
        int industrial = fact.industrial() == null ? -1 : fact.industrial() ? 1 : 0;
        addAt(deltas, fact.unitId(), fact.indicator(), fact.occurredOn(), fact.currency() == null ? "" : fact.currency(),
                industrial, sign, fact.amount());
    }

    private static void addAt(Map<Key, Delta> deltas, String unitId, String counter, LocalDate day, String currency,
                              int industrial, int sign, BigDecimal amount) {
        for (char grain : GRAINS) {
            Delta delta = deltas.computeIfAbsent(new Key(unitId, counter, grain, periodStart(grain, day), currency, industrial),
                    k -> new Delta());
            delta.quantity += sign;
            if (amount != null) {
                delta.amount = sign > 0 ? delta.amount.add(amount) : delta.amount.subtract(amount);
            }
        }
    }

    static LocalDate periodStart(char grain, LocalDate day) {
        return switch (grain) {
            case 'D' -> day;
            case 'M' -> day.withDayOfMonth(1);
            default -> day.withDayOfYear(1);
        };
    }

    private Map<Key, Delta> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new TreeMap<>(ORDER);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, name -> {
            Map<Key, Delta> deltas = new TreeMap<>(ORDER);
            batch.onPrepareCommit(u -> flush(deltas));
            return deltas;
        });
    }

    private void flushNowWithoutUnitOfWork(Map<Key, Delta> deltas) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush(deltas);
        }
    }

    private static final List<String> COUNT_TYPES = List.of("text", "text", "text", "date", "text", "smallint", "bigint",
            "numeric");

    /**
     * One statement per 1,000 counter rows ({@link MultiRowInsert}: one array parameter per column, where a JDBC batch
     * of single-row upserts cost the rebuild 2.4 million statements at 10^6 events); the rows in the counters' order, so
     * concurrent segments still lock shared rows in one global order. A key appears once (the deltas are summed).
     */
    private void flush(Map<Key, Delta> deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.forEach((k, d) -> {
            if (d.quantity != 0 || d.amount.signum() != 0) {
                rows.add(new Object[]{k.unitId(), k.counter(), String.valueOf(k.grain()), k.periodStart(),
                        k.currency(), (short) k.industrial(), d.quantity, d.amount});
            }
        });
        deltas.clear();
        if (rows.isEmpty()) {
            return;
        }
        MultiRowInsert.insert(template, """
                INSERT INTO views_count (unit_id, counter, grain, period_start, currency, industrial, quantity, amount)""",
                """
                ON CONFLICT (grain, period_start, counter, unit_id, currency, industrial) DO UPDATE
                SET quantity = views_count.quantity + EXCLUDED.quantity, amount = views_count.amount + EXCLUDED.amount""",
                COUNT_TYPES, rows);
    }

    /** The closure rows of {@code unitId}'s subtree, written again from {@code views_unit} (call after writing the unit). */
    public void unitPlaced(String unitId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CLOSURE_LOCK).query(Object.class).list();
        jdbc.sql("""
                        WITH RECURSIVE sub(unit_id) AS (
                            SELECT CAST(? AS VARCHAR)
                            UNION
                            SELECT CAST(v.unit_id AS VARCHAR) FROM views_unit v JOIN sub ON v.parent_id = sub.unit_id)
                        DELETE FROM views_unit_closure WHERE descendant IN (SELECT unit_id FROM sub)""")
                .param(unitId).update();
        jdbc.sql("""
                        INSERT INTO views_unit_closure (ancestor, descendant)
                        WITH RECURSIVE sub(unit_id) AS (
                            SELECT CAST(? AS VARCHAR)
                            UNION
                            SELECT CAST(v.unit_id AS VARCHAR) FROM views_unit v JOIN sub ON v.parent_id = sub.unit_id),
                        up(descendant, ancestor) AS (
                            SELECT CAST(u.unit_id AS VARCHAR), CAST(u.parent_id AS VARCHAR) FROM views_unit u
                            WHERE u.unit_id IN (SELECT unit_id FROM sub) AND u.parent_id IS NOT NULL
                            UNION
                            SELECT up.descendant, CAST(u.parent_id AS VARCHAR) FROM up JOIN views_unit u ON u.unit_id = up.ancestor
                            WHERE u.parent_id IS NOT NULL)
                        SELECT ancestor, descendant FROM up WHERE ancestor <> descendant
                        ON CONFLICT DO NOTHING""")
                .param(unitId).update();
    }

    /** Empties the counters and the closure (the processing group's reset). */
    public void reset() {
        jdbc.sql("DELETE FROM views_count").update();
        jdbc.sql("DELETE FROM views_unit_closure").update();
    }
}
