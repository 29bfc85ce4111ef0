package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.ApprovalList;
import com.zhaoshang.ledger.api.supervision.ApprovalStatus;
import com.zhaoshang.ledger.api.supervision.ApprovalSummary;
import com.zhaoshang.ledger.api.supervision.FindApprovalQuery;
import com.zhaoshang.ledger.api.supervision.FindApprovalsQuery;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the approval queries from {@code approval_view}; a unit's approvals are those whose department or whose
 * project (its unit in {@code project_view}) lies in the unit's subtree.
 */
@Component
public class ApprovalsQueryHandler {

    private static final String SUBTREE = "SELECT d.id FROM unit_view d JOIN unit_view a ON a.id = :unitId"
            + " AND d.path LIKE a.path || '%'";

    private final JdbcClient jdbc;

    public ApprovalsQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ApprovalList handle(FindApprovalsQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("TRUE"));
        if (query.unitId() != null) {
            params.put("unitId", query.unitId().value());
            where.add("(a.department_unit_id = :unitId OR p.unit_id = :unitId OR a.department_unit_id IN (" + SUBTREE
                    + ") OR p.unit_id IN (" + SUBTREE + "))");
        }
        if (query.status() != null) {
            params.put("status", query.status().name());
            where.add("a.status = :status");
        }
        return new ApprovalList(jdbc.sql("""
                        SELECT a.*, p.name AS project_name FROM approval_view a
                        LEFT JOIN project_view p ON p.id = a.project_id
                        WHERE %s ORDER BY a.due_on, a.approval_id""".formatted(String.join(" AND ", where)))
                .params(params)
                .query((rs, n) -> summary(rs))
                .list());
    }

    @QueryHandler
    public Optional<ApprovalSummary> handle(FindApprovalQuery query) {
        return jdbc.sql("""
                        SELECT a.*, p.name AS project_name FROM approval_view a
                        LEFT JOIN project_view p ON p.id = a.project_id WHERE a.approval_id = :id""")
                .param("id", query.approvalId())
                .query((rs, n) -> summary(rs))
                .optional();
    }

    private static ApprovalSummary summary(ResultSet rs) throws SQLException {
        String responsible = rs.getString("responsible_department_id");
        return new ApprovalSummary(rs.getString("approval_id"), rs.getString("project_id"),
                rs.getString("project_name"), new UnitId(rs.getString("department_unit_id")), rs.getString("subject"),
                rs.getBoolean("industrial"), Rows.money(rs, "investment_amount", "investment_currency"),
                rs.getInt("time_limit_days"), Rows.date(rs, "requested_on"), Rows.date(rs, "due_on"),
                ApprovalStatus.valueOf(rs.getString("status")), Rows.date(rs, "decided_on"), rs.getString("reason"),
                responsible == null ? null : new UnitId(responsible), rs.getLong("version"));
    }
}
