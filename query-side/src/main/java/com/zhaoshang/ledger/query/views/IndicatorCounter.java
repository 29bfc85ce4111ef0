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

    /** A window of days, both ends inclusive. */
    public record Window(LocalDate from, LocalDate to) {
    }

    /**
     * The actual value of every measure for every root (with its subtree): the same figures as
     * {@link #actual(String, Measure, LocalDate, LocalDate, Instant)} called per root and measure. Every root and
     * measure asked is in the answer (zero when nothing counts). Without {@code knownAt}, measures without a minimum
     * amount are read from the counters ({@link #countedActuals}); the others, and everything as known at an instant,
     * from the facts ({@link #actualsFromFacts}).
     */
    public Map<String, Map<Measure, BigDecimal>> actuals(Collection<String> roots, Collection<Measure> measures,
                                                        LocalDate from, LocalDate to, Instant knownAt) {
        if (knownAt != null) {
            return actualsFromFacts(roots, measures, from, to, knownAt);
        }
        return actuals(roots, measures, List.of(new Window(from, to))).get(0);
    }

    /** {@link #actuals(Collection, Collection, LocalDate, LocalDate, Instant)} for several windows, everything known now. */
    public List<Map<String, Map<Measure, BigDecimal>>> actuals(Collection<String> roots, Collection<Measure> measures,
                                                             List<Window> windows) {
        List<Measure> counted = new ArrayList<>();
        List<Measure> fromFacts = new ArrayList<>();
        for (Measure measure : new LinkedHashSet<>(measures)) {
            (measure.minAmount() == null ? counted : fromFacts).add(measure);
        }
        List<Map<String, Map<Measure, BigDecimal>>> result = countedActuals(roots, counted, windows);
        if (!fromFacts.isEmpty()) {
            for (int w = 0; w < windows.size(); w++) {
                Map<String, Map<Measure, BigDecimal>> facts = actualsFromFacts(roots, fromFacts, windows.get(w).from(),
                        windows.get(w).to(), null);
                Map<String, Map<Measure, BigDecimal>> merged = result.get(w);
                facts.forEach((root, values) -> merged.get(root).putAll(values));
            }
        }
        return result;
    }

    /** The roots with their subtrees from the closure: rows (root, unit_id), the root itself included. */
    static final String SCOPES = """
            WITH scope(root, unit_id) AS (
                SELECT CAST(r AS VARCHAR), CAST(r AS VARCHAR) FROM unnest(ARRAY[:roots]) AS r
                UNION
                SELECT CAST(c.ancestor AS VARCHAR), CAST(c.descendant AS VARCHAR) FROM views_unit_closure c
                WHERE c.ancestor IN (:roots))
            """;

    /**
     * Every measure (none with a minimum amount) of every root in every window, from the counters kept per unit and
     * day, month and year ({@code views_count}): one statement; a window is read as its whole years, whole months and
     * the days at its edges. Same figures as {@link #actualsFromFacts} without {@code knownAt}.
     */
    public List<Map<String, Map<Measure, BigDecimal>>> countedActuals(Collection<String> roots, Collection<Measure> measures,
                                                                    List<Window> windows) {
        List<String> rootList = List.copyOf(new LinkedHashSet<>(roots));
        List<Measure> measureList = List.copyOf(new LinkedHashSet<>(measures));
        List<Map<String, Map<Measure, BigDecimal>>> result = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            result.add(zeros(rootList, measureList));
        }
        if (rootList.isEmpty() || measureList.isEmpty() || windows.isEmpty()) {
            return result;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("roots", rootList);
        StringBuilder sql = new StringBuilder(SCOPES).append("SELECT c.idx, s.root");
        for (int i = 0; i < measureList.size(); i++) {
            Measure measure = measureList.get(i);
            sql.append(", SUM(").append(measure.indicator().isAmount() ? "c.amount" : "c.quantity")
                    .append(" * c.sign) FILTER (WHERE c.counter = :indicator").append(i);
            params.put("indicator" + i, measure.indicator().name());
            if (measure.indicator().isAmount() && measure.currency() != null) {
                sql.append(" AND c.currency = :currency").append(i);
                params.put("currency" + i, measure.currency().name());
            }
            if (measure.industrial() != null) {
                sql.append(" AND c.industrial = :industrial").append(i);
                params.put("industrial" + i, measure.industrial() ? 1 : 0);
            }
            sql.append(")");
        }
        sql.append(" FROM (");
        int piece = 0;
        for (int w = 0; w < windows.size(); w++) {
            for (Piece p : pieces(windows.get(w).from(), windows.get(w).to())) {
                sql.append(piece == 0 ? "" : " UNION ALL ").append(rangeRead(w, p, piece, "indicators"));
                params.put("lo" + piece, p.first());
                params.put("hi" + piece, p.last());
                piece++;
            }
        }
        if (piece == 0) {
            return result;
        }
        // per piece, a range of the primary key (grain, period_start, …); the units of the roots' subtrees joined after
        sql.append(") c JOIN scope s ON s.unit_id = c.unit_id GROUP BY c.idx, s.root");
        params.put("indicators", measureList.stream().map(m -> m.indicator().name()).distinct().toList());
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            Map<Measure, BigDecimal> values = result.get(rs.getInt(1)).get(rs.getString(2));
            for (int i = 0; i < measureList.size(); i++) {
                BigDecimal value = rs.getBigDecimal(i + 3);
                if (value != null) {
                    values.put(measureList.get(i), scaled(measureList.get(i), value));
                }
            }
        });
        return result;
    }

    /** The subtree of the unit named by the parameter {@code :<parameter>}, from the closure: a CTE {@code scope(unit_id)}. */
    public static String scopeOf(String parameter) {
        return "WITH scope(unit_id) AS (SELECT CAST(:" + parameter + " AS VARCHAR) UNION"
                + " SELECT CAST(c.descendant AS VARCHAR) FROM views_unit_closure c WHERE c.ancestor = :" + parameter + ")\n";
    }

    /**
     * The conversion funnel of a unit with its subtree from the counters: per stage column of {@code views_project}
     * ({@code lead_on}, {@code signed_on}…), the projects whose date of that stage lies in the window.
     */
    public Map<String, Long> funnel(String root, List<String> stageColumns, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        stageColumns.forEach(c -> counts.put(c, 0L));
        List<Piece> pieces = pieces(from, to);
        if (pieces.isEmpty() || stageColumns.isEmpty()) {
            return counts;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("root", root);
        params.put("counters", stageColumns.stream().map(c -> ViewCounters.FUNNEL + c).toList());
        StringBuilder sql = new StringBuilder(scopeOf("root"))
                .append("SELECT c.counter, SUM(c.quantity * c.sign) FROM (");
        for (int i = 0; i < pieces.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(rangeRead(0, pieces.get(i), i, "counters"));
            params.put("lo" + i, pieces.get(i).first());
            params.put("hi" + i, pieces.get(i).last());
        }
        sql.append(") c JOIN scope s ON s.unit_id = c.unit_id GROUP BY c.counter");
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            counts.put(rs.getString(1).substring(ViewCounters.FUNNEL.length()), rs.getLong(2));
        });
        return counts;
    }

    /** One piece's rows: a range of the primary key (grain, period_start), with the window's index and the sign. */
    private static String rangeRead(int window, Piece piece, int number, String counters) {
        return "SELECT " + window + " AS idx, " + piece.sign() + " AS sign, v.unit_id, v.counter, v.currency, v.industrial,"
                + " v.quantity, v.amount FROM views_count v WHERE v.grain = '" + piece.grain() + "' AND v.period_start"
                + " BETWEEN :lo" + number + " AND :hi" + number + " AND v.counter IN (:" + counters + ")";
    }

    /**
     * A run of counter rows of one grain, period starts from {@code first} to {@code last} (both inclusive), added
     * ({@code sign} 1) or taken away (-1).
     */
    record Piece(char grain, LocalDate first, LocalDate last, int sign) {
    }

    /**
     * The window as whole years, whole months and single days, in as few counter rows as it takes: the days of a
     * month the window covers for the most part are read as the month minus the days it does not cover. Every day of
     * the window counts once in the sum of the pieces (signs included), every other day zero times. Empty when
     * from > to.
     */
    static List<Piece> pieces(LocalDate from, LocalDate to) {
        List<Piece> plain = new ArrayList<>();
        LocalDate cursor = from;
        while (!cursor.isAfter(to)) {
            LocalDate yearEnd = cursor.withDayOfYear(cursor.lengthOfYear());
            LocalDate last = yearEnd.isAfter(to) ? to : yearEnd;
            plain.addAll(yearPart(cursor, last, 1));
            cursor = last.plusDays(1);
        }
        List<Piece> merged = new ArrayList<>();
        for (Piece piece : plain) {
            Piece previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && previous.grain() == piece.grain() && previous.sign() == piece.sign()
                    && next(previous.grain(), previous.last()).equals(piece.first())) {
                merged.set(merged.size() - 1, new Piece(piece.grain(), previous.first(), piece.last(), piece.sign()));
            } else {
                merged.add(piece);
            }
        }
        return merged;
    }

    /** Days {@code a..b} of one year: the year itself, its months and days, or the year minus what is not asked. */
    private static List<Piece> yearPart(LocalDate a, LocalDate b, int sign) {
        LocalDate yearStart = a.withDayOfYear(1);
        LocalDate yearEnd = a.withDayOfYear(a.lengthOfYear());
        if (a.equals(yearStart) && b.equals(yearEnd)) {
            return List.of(new Piece('Y', yearStart, yearStart, sign));
        }
        List<Piece> direct = months(a, b, sign);
        List<Piece> cover = new ArrayList<>();
        cover.add(new Piece('Y', yearStart, yearStart, sign));
        if (a.isAfter(yearStart)) {
            cover.addAll(months(yearStart, a.minusDays(1), -sign));
        }
        if (b.isBefore(yearEnd)) {
            cover.addAll(months(b.plusDays(1), yearEnd, -sign));
        }
        return rows(cover) < rows(direct) ? cover : direct;
    }

    /** Days {@code a..b} of one year as whole months and days, a month mostly asked as the month minus its other days. */
    private static List<Piece> months(LocalDate a, LocalDate b, int sign) {
        List<Piece> pieces = new ArrayList<>();
        LocalDate cursor = a;
        while (!cursor.isAfter(b)) {
            LocalDate monthStart = cursor.withDayOfMonth(1);
            LocalDate monthEnd = cursor.withDayOfMonth(cursor.lengthOfMonth());
            LocalDate last = monthEnd.isAfter(b) ? b : monthEnd;
            int covered = (int) java.time.temporal.ChronoUnit.DAYS.between(cursor, last) + 1;
            int uncovered = cursor.lengthOfMonth() - covered;
            if (uncovered == 0) {
                pieces.add(new Piece('M', monthStart, monthStart, sign));
            } else if (uncovered + 1 < covered) {
                pieces.add(new Piece('M', monthStart, monthStart, sign));
                if (cursor.isAfter(monthStart)) {
                    pieces.add(new Piece('D', monthStart, cursor.minusDays(1), -sign));
                }
                if (last.isBefore(monthEnd)) {
                    pieces.add(new Piece('D', last.plusDays(1), monthEnd, -sign));
                }
            } else {
                pieces.add(new Piece('D', cursor, last, sign));
            }
            cursor = last.plusDays(1);
        }
        return pieces;
    }

    /** How many periods (counter rows per unit and counter) the pieces read. */
    private static long rows(List<Piece> pieces) {
        long rows = 0;
        for (Piece piece : pieces) {
            rows += switch (piece.grain()) {
                case 'Y' -> piece.last().getYear() - piece.first().getYear() + 1;
                case 'M' -> java.time.temporal.ChronoUnit.MONTHS.between(piece.first(), piece.last()) + 1;
                default -> java.time.temporal.ChronoUnit.DAYS.between(piece.first(), piece.last()) + 1;
            };
        }
        return rows;
    }

    private static LocalDate next(char grain, LocalDate periodStart) {
        return switch (grain) {
            case 'Y' -> periodStart.plusYears(1);
            case 'M' -> periodStart.plusMonths(1);
            default -> periodStart.plusDays(1);
        };
    }

    private static Map<String, Map<Measure, BigDecimal>> zeros(List<String> roots, List<Measure> measures) {
        Map<String, Map<Measure, BigDecimal>> result = new LinkedHashMap<>();
        for (String root : roots) {
            Map<Measure, BigDecimal> zeros = new LinkedHashMap<>();
            measures.forEach(m -> zeros.put(m, scaled(m, BigDecimal.ZERO)));
            result.put(root, zeros);
        }
        return result;
    }

    /**
     * The actual value of every measure for every root (with its subtree) in one statement over the facts, as known
     * at {@code knownAt} (null: everything): the same figures as
     * {@link #actual(String, Measure, LocalDate, LocalDate, Instant)} called per root and measure.
     */
    public Map<String, Map<Measure, BigDecimal>> actualsFromFacts(Collection<String> roots, Collection<Measure> measures,
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
     * Projects overdue to start at each of {@code asOfs}, everything known now, for every root (with its subtree, from
     * the closure) in one statement: the figures of {@link #overdueToStart(Collection, LocalDate, int, Instant)}
     * without {@code knownAt}. A project stops being a candidate on the first of its construction start, termination
     * and abandonment ({@code open_until}), so only the projects still open at the earliest date are read, from the
     * index V110 alone.
     */
    public List<Map<String, Long>> overdueToStart(Collection<String> roots, List<LocalDate> asOfs, int deadlineDays) {
        List<String> rootList = List.copyOf(new LinkedHashSet<>(roots));
        List<Map<String, Long>> result = new ArrayList<>();
        for (int i = 0; i < asOfs.size(); i++) {
            Map<String, Long> zeros = new LinkedHashMap<>();
            rootList.forEach(r -> zeros.put(r, 0L));
            result.add(zeros);
        }
        if (rootList.isEmpty() || asOfs.isEmpty()) {
            return result;
        }
        // open_until (V110) = COALESCE(LEAST(construction_on, terminated_on, abandoned_on), 'infinity')
        String open = "p.open_until";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("roots", rootList);
        StringBuilder sql = new StringBuilder(SCOPES).append("SELECT s.root");
        for (int i = 0; i < asOfs.size(); i++) {
            sql.append(", COUNT(*) FILTER (WHERE p.signed_on < :limit").append(i).append(" AND ").append(open)
                    .append(" > :asOf").append(i).append(")");
            params.put("limit" + i, asOfs.get(i).minusDays(deadlineDays));
            params.put("asOf" + i, asOfs.get(i));
        }
        sql.append(" FROM scope s JOIN views_project p ON p.unit_id = s.unit_id")
                .append(" WHERE p.signed_on IS NOT NULL AND p.signed_recorded_at IS NOT NULL AND ").append(open)
                .append(" > :earliest GROUP BY s.root");
        params.put("earliest", asOfs.stream().min(LocalDate::compareTo).orElseThrow());
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            for (int i = 0; i < asOfs.size(); i++) {
                result.get(i).put(rs.getString(1), rs.getLong(i + 2));
            }
        });
        return result;
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
