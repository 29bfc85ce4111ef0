package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.FindLateEntriesQuery;
import com.zhaoshang.ledger.api.supervision.FindVerificationGapsQuery;
import com.zhaoshang.ledger.api.supervision.LateEntries;
import com.zhaoshang.ledger.api.supervision.LateEntry;
import com.zhaoshang.ledger.api.supervision.VerificationGap;
import com.zhaoshang.ledger.api.supervision.VerificationGaps;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers the inspectors' lists of rules 8 and 9 per unit subtree (the materialised path of {@code unit_view}). */
@Component
public class ReportingFlagsQueryHandler {

    private static final String IN_SUBTREE = "(f.unit_id = :unitId OR f.unit_id IN (SELECT d.id FROM unit_view d"
            + " JOIN unit_view a ON a.id = :unitId AND d.path LIKE a.path || '%'))";

    private final JdbcClient jdbc;

    public ReportingFlagsQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public VerificationGaps handle(FindVerificationGapsQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("TRUE"));
        if (query.unitId() != null) {
            params.put("unitId", query.unitId().value());
            where.add(IN_SUBTREE);
        }
        return new VerificationGaps(jdbc.sql("""
                        SELECT f.*, p.name AS project_name FROM supervision_verification_gap f
                        LEFT JOIN project_view p ON p.id = f.project_id
                        WHERE %s ORDER BY f.gap_ratio DESC, f.project_id, f.arrival_id"""
                        .formatted(String.join(" AND ", where)))
                .params(params)
                .query((rs, n) -> new VerificationGap(rs.getString("project_id"), rs.getString("project_name"),
                        new UnitId(rs.getString("unit_id")), rs.getString("arrival_id"),
                        rs.getBigDecimal("threshold_ratio"), Rows.money(rs, "reported_amount", "currency"),
                        Rows.money(rs, "verified_amount", "currency"), rs.getBigDecimal("gap_ratio"),
                        Rows.date(rs, "verified_on"), Rows.instant(rs, "recorded_at")))
                .list());
    }

    @QueryHandler
    public LateEntries handle(FindLateEntriesQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("TRUE"));
        if (query.unitId() != null) {
            params.put("unitId", query.unitId().value());
            where.add(IN_SUBTREE);
        }
        if (query.from() != null) {
            params.put("from", query.from());
            where.add("f.recorded_on >= :from");
        }
        if (query.to() != null) {
            params.put("to", query.to());
            where.add("f.recorded_on <= :to");
        }
        return new LateEntries(jdbc.sql("""
                        SELECT f.*, p.name AS project_name FROM supervision_late_entry f
                        LEFT JOIN project_view p ON p.id = f.project_id
                        WHERE %s ORDER BY f.recorded_at DESC, f.project_id, f.sequence DESC"""
                        .formatted(String.join(" AND ", where)))
                .params(params)
                .query((rs, n) -> new LateEntry(rs.getString("project_id"), rs.getString("project_name"),
                        new UnitId(rs.getString("unit_id")), rs.getString("fact_type"), rs.getInt("threshold_days"),
                        Rows.date(rs, "occurred_on"), Rows.date(rs, "recorded_on"), rs.getLong("lag_days"),
                        Rows.instant(rs, "recorded_at")))
                .list());
    }
}
