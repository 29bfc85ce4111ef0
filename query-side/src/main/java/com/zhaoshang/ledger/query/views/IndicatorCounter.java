package com.zhaoshang.ledger.query.views;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Counts the facts of a unit and its whole subtree (a district's figures include its towns) whose {@code occurredOn}
 * lies inside a window (both ends inclusive).
 */
@Component
public class IndicatorCounter {

    /** The unit {@code :root} and every unit below it; a unit not (yet) in the tree is its own subtree. */
    public static final String SUBTREE = """
            WITH RECURSIVE subtree(unit_id) AS (
                SELECT CAST(:root AS VARCHAR)
                UNION
                SELECT CAST(u.unit_id AS VARCHAR) FROM views_unit u JOIN subtree s ON u.parent_id = s.unit_id)
            """;

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final JdbcClient jdbc;

    public IndicatorCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The actual value: a count for counting indicators, a sum of money in the measure's currency for amounts. */
    public BigDecimal actual(String unitId, Measure measure, LocalDate from, LocalDate to) {
        return actual(unitId, measure, from, to, null);
    }

    /** The actual value as known at {@code knownAt}: only facts recorded then or before count (all when null). */
    public BigDecimal actual(String unitId, Measure measure, LocalDate from, LocalDate to, Instant knownAt) {
        StringBuilder sql = new StringBuilder(SUBTREE)
                .append("SELECT COALESCE(SUM(")
                .append(measure.indicator().isAmount() ? "f.amount" : "f.quantity")
                .append("), 0) FROM views_fact f WHERE f.unit_id IN (SELECT unit_id FROM subtree)")
                .append(" AND f.indicator = :indicator AND f.occurred_on BETWEEN :from AND :to");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("root", unitId);
        params.put("indicator", measure.indicator().name());
        params.put("from", from);
        params.put("to", to);
        if (measure.indicator().isAmount() && measure.currency() != null) {
            sql.append(" AND f.currency = :currency");
            params.put("currency", measure.currency().name());
        }
        if (measure.industrial() != null) {
            sql.append(" AND f.industrial = :industrial");
            params.put("industrial", measure.industrial());
        }
        if (measure.minAmount() != null) {
            sql.append(" AND f.ref_currency = :minCurrency AND f.ref_amount >= :minAmount");
            params.put("minCurrency", measure.minAmount().currency().name());
            params.put("minAmount", measure.minAmount().amount());
        }
        if (knownAt != null) {
            sql.append(" AND f.recorded_at <= :knownAt");
            params.put("knownAt", Timestamp.from(knownAt));
        }
        BigDecimal value = jdbc.sql(sql.toString()).params(params).query(BigDecimal.class).single();
        return measure.indicator().isAmount() ? value.setScale(2) : value.setScale(0);
    }

    /**
     * The subtrees of several roots at once: one row (root, unit) per unit of each root's subtree, the root itself
     * included (a root not (yet) in the tree is its own subtree). Needs the named parameter {@code :roots} (a list).
     */
    static final String SUBTREES = """
            WITH RECURSIVE subtree(root, unit_id) AS (
                SELECT CAST(r AS VARCHAR), CAST(r AS VARCHAR) FROM unnest(ARRAY[:roots]) AS r
                UNION
                SELECT s.root, CAST(u.unit_id AS VARCHAR) FROM views_unit u JOIN subtree s ON u.parent_id = s.unit_id)
            """;

    /**
     * The actual value of every measure for every root (with its subtree) in one statement: the same figures as
     * {@link #actual(String, Measure, LocalDate, LocalDate, Instant)} called per root and measure. Every root and
     * measure asked is in the answer (zero when nothing counts).
     */
    public Map<String, Map<Measure, BigDecimal>> actuals(Collection<String> roots, Collection<Measure> measures,
                                                        LocalDate from, LocalDate to, Instant knownAt) {
        List<String> rootList = List.copyOf(new LinkedHashSet<>(roots));
        List<Measure> measureList = List.copyOf(new LinkedHashSet<>(measures));
        Map<String, Map<Measure, BigDecimal>> result = new LinkedHashMap<>();
        for (String root : rootList) {
            Map<Measure, BigDecimal> zeros = new LinkedHashMap<>();
            measureList.forEach(m -> zeros.put(m, scaled(m, BigDecimal.ZERO)));
            result.put(root, zeros);
        }
        if (rootList.isEmpty() || measureList.isEmpty()) {
            return result;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("roots", rootList);
        params.put("from", from);
        params.put("to", to);
        StringBuilder sql = new StringBuilder(SUBTREES).append("SELECT s.root");
        for (int i = 0; i < measureList.size(); i++) {
            Measure measure = measureList.get(i);
            sql.append(", SUM(").append(measure.indicator().isAmount() ? "f.amount" : "f.quantity")
                    .append(") FILTER (WHERE f.indicator = :indicator").append(i);
            params.put("indicator" + i, measure.indicator().name());
            if (measure.indicator().isAmount() && measure.currency() != null) {
                sql.append(" AND f.currency = :currency").append(i);
                params.put("currency" + i, measure.currency().name());
            }
            if (measure.industrial() != null) {
                sql.append(" AND f.industrial = :industrial").append(i);
                params.put("industrial" + i, measure.industrial());
            }
            if (measure.minAmount() != null) {
                sql.append(" AND f.ref_currency = :minCurrency").append(i)
                        .append(" AND f.ref_amount >= :minAmount").append(i);
                params.put("minCurrency" + i, measure.minAmount().currency().name());
                params.put("minAmount" + i, measure.minAmount().amount());
            }
            sql.append(")");
        }
        sql.append(" FROM subtree s JOIN views_fact f ON f.unit_id = s.unit_id")
                .append(" WHERE f.indicator IN (:indicators) AND f.occurred_on BETWEEN :from AND :to");
        params.put("indicators", measureList.stream().map(m -> m.indicator().name()).distinct().toList());
        if (knownAt != null) {
            sql.append(" AND f.recorded_at <= :knownAt");
            params.put("knownAt", Timestamp.from(knownAt));
        }
        sql.append(" GROUP BY s.root");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            Map<Measure, BigDecimal> values = result.get(rs.getString(1));
            for (int i = 0; i < measureList.size(); i++) {
                BigDecimal value = rs.getBigDecimal(i + 2);
                if (value != null) {
                    values.put(measureList.get(i), scaled(measureList.get(i), value));
                }
            }
        });
        return result;
    }

    private static BigDecimal scaled(Measure measure, BigDecimal value) {
        return measure.indicator().isAmount() ? value.setScale(2) : value.setScale(0);
    }

    /**
     * Projects overdue to start, for every root (with its subtree) in one statement: the same figures as
     * {@link #overdueToStart(String, LocalDate, int, Instant)} called per root; every root asked is in the answer.
     */
    public Map<String, Long> overdueToStart(Collection<String> roots, LocalDate asOf, int deadlineDays, Instant knownAt) {
        List<String> rootList = List.copyOf(new LinkedHashSet<>(roots));
        Map<String, Long> result = new LinkedHashMap<>();
        rootList.forEach(r -> result.put(r, 0L));
        if (rootList.isEmpty()) {
            return result;
        }
        Timestamp known = Timestamp.from(knownAt == null ? END_OF_TIME : knownAt);
        jdbc.sql(SUBTREES + """
                        SELECT s.root, COUNT(*) FROM subtree s JOIN views_project p ON p.unit_id = s.unit_id
                        WHERE p.signed_on IS NOT NULL AND p.signed_on < :limit AND p.signed_recorded_at <= :known
                          AND (p.construction_on IS NULL OR p.construction_on > :asOf OR p.construction_recorded_at > :known)
                          AND (p.terminated_on IS NULL OR p.terminated_on > :asOf OR p.terminated_recorded_at > :known)
                          AND (p.abandoned_on IS NULL OR p.abandoned_on > :asOf OR p.abandoned_recorded_at > :known)
                        GROUP BY s.root""")
                .param("roots", rootList)
                .param("limit", asOf.minusDays(deadlineDays))
                .param("asOf", asOf)
                .param("known", known)
                .query(rs -> {
                    result.put(rs.getString(1), rs.getLong(2));
                });
        return result;
    }

    /**
     * The ancestors of every unit of the tree, nearest first, from one read of the tree: for each unit the same
     * chain as {@link #ancestors(String)}; ask {@link Ancestry#of(String)} for a unit.
     */
    public Ancestry ancestry() {
        Map<String, String> parents = new HashMap<>();
        jdbc.sql("SELECT unit_id, parent_id FROM views_unit").query(rs -> {
            parents.put(rs.getString(1), rs.getString(2));
        });
        return new Ancestry(parents);
    }

    /** The unit tree as parents, read once. */
    public static final class Ancestry {

        private final Map<String, String> parents;

        Ancestry(Map<String, String> parents) {
            this.parents = parents;
        }

        /** The ancestors of a unit, nearest first (empty for a root or a unit not in the tree). */
        public List<String> of(String unitId) {
            List<String> chain = new ArrayList<>();
            String current = unitId;
            for (int guard = 0; guard < 64; guard++) {
                String parent = parents.get(current);
                if (parent == null || chain.contains(parent)) {
                    break;
                }
                chain.add(parent);
                current = parent;
            }
            return chain;
        }
    }

    /**
     * Projects of the subtree overdue to start as of {@code asOf}: signed more than {@code deadlineDays} days before
     * it, construction not started by then, and not terminated or abandoned by then; as known at {@code knownAt}
     * (facts recorded later are ignored; null: everything known now).
     */
    public long overdueToStart(String unitId, LocalDate asOf, int deadlineDays, Instant knownAt) {
        Timestamp known = Timestamp.from(knownAt == null ? END_OF_TIME : knownAt);
        return jdbc.sql(SUBTREE + """
                        SELECT COUNT(*) FROM views_project p WHERE p.unit_id IN (SELECT unit_id FROM subtree)
                          AND p.signed_on IS NOT NULL AND p.signed_on < :limit AND p.signed_recorded_at <= :known
                          AND (p.construction_on IS NULL OR p.construction_on > :asOf OR p.construction_recorded_at > :known)
                          AND (p.terminated_on IS NULL OR p.terminated_on > :asOf OR p.terminated_recorded_at > :known)
                          AND (p.abandoned_on IS NULL OR p.abandoned_on > :asOf OR p.abandoned_recorded_at > :known)""")
                .param("root", unitId)
                .param("limit", asOf.minusDays(deadlineDays))
                .param("asOf", asOf)
                .param("known", known)
                .query(Long.class).single();
    }

    /** The ancestors of a unit, nearest first (empty for a root or a unit not in the tree). */
    public List<String> ancestors(String unitId) {
        List<String> chain = new ArrayList<>();
        String current = unitId;
        for (int guard = 0; guard < 64; guard++) {
            String parent = jdbc.sql("SELECT parent_id FROM views_unit WHERE unit_id = ?").param(current)
                    .query(String.class).optional().orElse(null);
            if (parent == null || chain.contains(parent)) {
                break;
            }
            chain.add(parent);
            current = parent;
        }
        return chain;
    }

    /** Unit names as known to the view. */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT unit_id, name FROM views_unit").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
