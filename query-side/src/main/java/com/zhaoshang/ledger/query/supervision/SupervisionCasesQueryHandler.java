package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.FindSupervisionCasesQuery;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseList;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseSummary;
import com.zhaoshang.ledger.api.supervision.SupervisionRule;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers {@link FindSupervisionCasesQuery} from {@code supervision_case_view}, per lead unit subtree. */
@Component
public class SupervisionCasesQueryHandler {

    private final JdbcClient jdbc;

    public SupervisionCasesQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SupervisionCaseList handle(FindSupervisionCasesQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("TRUE"));
        if (query.unitId() != null) {
            params.put("unitId", query.unitId().value());
            where.add("(c.lead_unit_id = :unitId OR c.lead_unit_id IN (SELECT d.id FROM unit_view d JOIN unit_view a"
                    + " ON a.id = :unitId AND d.path LIKE a.path || '%'))");
        }
        if (query.leaderName() != null) {
            params.put("leaderName", query.leaderName());
            where.add("c.leader_name = :leaderName");
        }
        if (query.openOnly()) {
            where.add("c.status <> 'CLOSED'");
        }
        if (query.overdueOnly()) {
            where.add("(c.overdue_count > 0 OR c.missed_reports > 0) AND c.status <> 'CLOSED'");
        }
        List<SupervisionCaseSummary> cases = jdbc.sql("SELECT c.* FROM supervision_case_view c WHERE "
                        + String.join(" AND ", where) + " ORDER BY c.deadline_on, c.case_id")
                .params(params)
                .query((rs, n) -> {
                    String assisting = rs.getString("assisting_unit_ids");
                    String rule = rs.getString("rule");
                    String escalatedTo = rs.getString("escalated_to_unit_id");
                    return new SupervisionCaseSummary(rs.getString("case_id"), rs.getString("subject"),
                            rs.getString("project_id"), rule == null ? null : SupervisionRule.valueOf(rule),
                            new UnitId(rs.getString("lead_unit_id")),
                            assisting.isEmpty() ? List.of() : Arrays.stream(assisting.split(",")).map(UnitId::new).toList(),
                            rs.getString("leader_name"), Rows.date(rs, "deadline_on"),
                            rs.getInt("reporting_frequency_days"), rs.getString("status"), rs.getInt("overdue_count"),
                            Rows.date(rs, "opened_on"), Rows.date(rs, "last_step_on"), rs.getLong("version"),
                            rs.getInt("escalation_level"), escalatedTo == null ? null : new UnitId(escalatedTo),
                            rs.getInt("missed_reports"));
                })
                .list();
        return new SupervisionCaseList(cases);
    }
}
