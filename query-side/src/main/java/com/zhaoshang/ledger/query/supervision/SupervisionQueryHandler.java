package com.zhaoshang.ledger.query.supervision;

import com.zhaoshang.ledger.api.supervision.FindOpenFindingsQuery;
import com.zhaoshang.ledger.api.supervision.FindingKind;
import com.zhaoshang.ledger.api.supervision.OpenFinding;
import com.zhaoshang.ledger.api.supervision.OpenFindings;
import com.zhaoshang.ledger.api.supervision.SupervisionRule;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@link FindOpenFindingsQuery} from {@code supervision_finding}: a unit's subtree by the materialised path
 * of {@code unit_view}; the project's name from {@code project_view}; "days overdue" and "days since" counted to
 * today's business date (Asia/Shanghai) by the injected clock (the demo clock in single-process demo mode).
 */
@Component
public class SupervisionQueryHandler {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;

    public SupervisionQueryHandler(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public OpenFindings handle(FindOpenFindingsQuery query) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("f.open", "f.kind IN (:kinds)"));
        params.put("kinds", query.kinds().stream().map(Enum::name).toList());
        if (query.unitId() != null) {
            params.put("unitId", query.unitId().value());
            where.add("(f.unit_id = :unitId OR f.unit_id IN (SELECT d.id FROM unit_view d JOIN unit_view a"
                    + " ON a.id = :unitId AND d.path LIKE a.path || '%'))");
        }
        if (query.projectId() != null) {
            params.put("projectId", query.projectId());
            where.add("f.project_id = :projectId");
        }
        List<OpenFinding> findings = jdbc.sql("""
                        SELECT f.*, p.name AS project_name FROM supervision_finding f
                        LEFT JOIN project_view p ON p.id = f.project_id
                        WHERE %s ORDER BY f.due_on, f.project_id, f.kind""".formatted(String.join(" AND ", where)))
                .params(params)
                .query((rs, n) -> {
                    FindingKind kind = FindingKind.valueOf(rs.getString("kind"));
                    LocalDate sinceOn = Rows.date(rs, "since_on");
                    LocalDate deadlineOn = Rows.date(rs, "deadline_on");
                    Long daysOverdue = kind == FindingKind.CONSTRUCTION_OVERDUE && deadlineOn != null
                            ? ChronoUnit.DAYS.between(deadlineOn, today) : null;
                    return new OpenFinding(rs.getString("project_id"), rs.getString("project_name"),
                            new UnitId(rs.getString("unit_id")), SupervisionRule.valueOf(rs.getString("rule")), kind,
                            sinceOn, Rows.date(rs, "due_on"), deadlineOn, rs.getInt("rule_days"),
                            Rows.date(rs, "detected_on"), rs.getString("leader_name"), rs.getString("parcel_id"),
                            rs.getBigDecimal("area_mu"), daysOverdue, ChronoUnit.DAYS.between(sinceOn, today));
                })
                .list();
        return new OpenFindings(today, findings);
    }
}
