package com.zhaoshang.ledger.query.project;

import com.zhaoshang.ledger.api.query.project.CapitalArrival;
import com.zhaoshang.ledger.api.query.project.CapitalTotals;
import com.zhaoshang.ledger.api.query.project.CeremonyPresentation;
import com.zhaoshang.ledger.api.query.project.FindProjectQuery;
import com.zhaoshang.ledger.api.query.project.FindProjectsQuery;
import com.zhaoshang.ledger.api.query.project.LandParcel;
import com.zhaoshang.ledger.api.query.project.Milestones;
import com.zhaoshang.ledger.api.query.project.ProjectDetails;
import com.zhaoshang.ledger.api.query.project.ProjectPage;
import com.zhaoshang.ledger.api.query.project.ProjectSummary;
import com.zhaoshang.ledger.api.value.Channel;
import com.zhaoshang.ledger.api.value.CreditCode;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import com.zhaoshang.ledger.api.value.IndustryCode;
import com.zhaoshang.ledger.api.value.Investor;
import com.zhaoshang.ledger.api.value.InvestorKind;
import com.zhaoshang.ledger.api.value.ProjectStage;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the project queries from {@code project_view} and its child tables. Each answer reads one consistent
 * snapshot (a read-only repeatable-read transaction), so a project's row and its arrivals never disagree.
 */
@Component
public class ProjectsQueryHandler {

    /** Chinese business dates: "today" for the construction deadline is today in this zone. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    /** Stages in which a signed project is still waiting for its construction start. */
    private static final String AWAITING_CONSTRUCTION = "p.stage IN ('SIGNED', 'REGISTERED', 'LAND_ASSIGNED')";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final int constructionDeadlineDays;

    public ProjectsQueryHandler(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                                @Value("${ledger.projects.construction-deadline-days:180}") int constructionDeadlineDays) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
        this.constructionDeadlineDays = constructionDeadlineDays;
    }

    @QueryHandler
    public Optional<ProjectDetails> handle(FindProjectQuery query) {
        return snapshot.execute(status -> jdbc.sql("SELECT p.* FROM project_view p WHERE p.id = :id")
                .param("id", query.projectId())
                .query(this::details)
                .optional());
    }

    @QueryHandler
    public ProjectPage handle(FindProjectsQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.unitId() != null) {
            params.put("unitId", query.unitId().value());
            where.add(query.includeSubunits()
                    ? "(p.unit_id = :unitId OR p.unit_id IN (SELECT d.id FROM unit_view d JOIN unit_view a"
                    + " ON a.id = :unitId AND d.path LIKE a.path || '%'))"
                    : "p.unit_id = :unitId");
        }
        if (query.stage() != null) {
            where.add("p.stage = :stage");
            params.put("stage", query.stage().name());
        }
        if (query.overdue() != null) {
            String overdue = "COALESCE(" + AWAITING_CONSTRUCTION + " AND p.signed_on < :deadlineCutoff, FALSE)";
            where.add(query.overdue() ? overdue : "NOT " + overdue);
            params.put("deadlineCutoff", LocalDate.now(clock.withZone(BUSINESS_ZONE)).minusDays(constructionDeadlineDays));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return snapshot.execute(status -> {
            long total = jdbc.sql("SELECT count(*) FROM project_view p" + filter).params(params)
                    .query(Long.class).single();
            List<ProjectSummary> items = jdbc.sql("SELECT p.* FROM project_view p" + filter
                            + " ORDER BY p.last_recorded_at DESC, p.id LIMIT :limit OFFSET :offset")
                    .params(params)
                    .param("limit", query.page().size())
                    .param("offset", query.page().offset())
                    .query(SUMMARY)
                    .list();
            return new ProjectPage(items, query.page().page(), query.page().size(), total,
                    query.page().totalPages(total));
        });
    }

    private ProjectDetails details(ResultSet rs, int rowNum) throws SQLException {
        String id = rs.getString("id");
        List<CapitalArrival> arrivals = jdbc.sql("""
                        SELECT * FROM project_capital_arrival WHERE project_id = :id
                        ORDER BY occurred_on, sequence""")
                .param("id", id)
                .query(ARRIVAL)
                .list();
        List<CeremonyPresentation> ceremonies = jdbc.sql(
                        "SELECT * FROM project_ceremony WHERE project_id = :id ORDER BY sequence")
                .param("id", id)
                .query((r, n) -> new CeremonyPresentation(r.getString("ceremony"), Rows.date(r, "occurred_on"),
                        Rows.instant(r, "recorded_at")))
                .list();
        String evidenceKind = rs.getString("registration_evidence_kind");
        String parcel = rs.getString("land_parcel_id");
        return new ProjectDetails(
                id,
                rs.getString("name"),
                new UnitId(rs.getString("unit_id")),
                Rows.enumValue(rs, "stage", ProjectStage.class),
                rs.getBoolean("registered"),
                investor(rs),
                new IndustryCode(rs.getString("industry_code")),
                rs.getBoolean("industrial"),
                Rows.enumValue(rs, "channel", Channel.class),
                Rows.money(rs, "intended_amount", "intended_currency"),
                Rows.money(rs, "intent_amount", "intent_currency"),
                Rows.money(rs, "contract_amount", "contract_currency"),
                rs.getString("ceremony"),
                ceremonies,
                leader(rs),
                milestones(rs),
                evidenceKind == null ? null : new Evidence(EvidenceKind.valueOf(evidenceKind),
                        rs.getString("registration_evidence_reference")),
                rs.getString("end_reason"),
                parcel == null ? null : new LandParcel(parcel, rs.getBigDecimal("land_area_mu")),
                arrivals,
                CapitalTotals.of(arrivals),
                rs.getLong("version"),
                Rows.instant(rs, "first_recorded_at"),
                Rows.instant(rs, "last_recorded_at"));
    }

    static final RowMapper<ProjectSummary> SUMMARY = (rs, n) -> new ProjectSummary(
            rs.getString("id"),
            rs.getString("name"),
            new UnitId(rs.getString("unit_id")),
            Rows.enumValue(rs, "stage", ProjectStage.class),
            rs.getBoolean("registered"),
            investor(rs),
            new IndustryCode(rs.getString("industry_code")),
            rs.getBoolean("industrial"),
            Rows.enumValue(rs, "channel", Channel.class),
            Rows.money(rs, "intended_amount", "intended_currency"),
            Rows.money(rs, "intent_amount", "intent_currency"),
            Rows.money(rs, "contract_amount", "contract_currency"),
            leader(rs),
            milestones(rs),
            rs.getLong("version"),
            Rows.instant(rs, "last_recorded_at"));

    private static final RowMapper<CapitalArrival> ARRIVAL = (rs, n) -> {
        String evidenceKind = rs.getString("evidence_kind");
        return new CapitalArrival(
                rs.getString("arrival_id"),
                Rows.money(rs, "amount", "currency"),
                rs.getBoolean("foreign_exchange"),
                Rows.date(rs, "occurred_on"),
                Rows.instant(rs, "recorded_at"),
                Rows.money(rs, "verified_amount", "verified_currency"),
                evidenceKind == null ? null
                        : new Evidence(EvidenceKind.valueOf(evidenceKind), rs.getString("evidence_reference")),
                Rows.date(rs, "verified_on"),
                Rows.instant(rs, "verified_at"));
    };

    private static Investor investor(ResultSet rs) throws SQLException {
        String creditCode = rs.getString("investor_credit_code");
        return new Investor(rs.getString("investor_name"), creditCode == null ? null : new CreditCode(creditCode),
                rs.getString("investor_country"), Rows.enumValue(rs, "investor_kind", InvestorKind.class));
    }

    private static ResponsibleLeader leader(ResultSet rs) throws SQLException {
        String name = rs.getString("leader_name");
        return name == null ? null
                : new ResponsibleLeader(name, rs.getString("leader_title"), rs.getString("leader_user_id"));
    }

    private static Milestones milestones(ResultSet rs) throws SQLException {
        return new Milestones(
                Rows.date(rs, "lead_on"),
                Rows.date(rs, "negotiation_on"),
                Rows.date(rs, "intent_on"),
                Rows.date(rs, "signed_on"),
                Rows.date(rs, "registered_on"),
                Rows.date(rs, "land_on"),
                Rows.date(rs, "construction_started_on"),
                Rows.date(rs, "completed_on"),
                Rows.date(rs, "production_started_on"),
                Rows.date(rs, "ended_on"));
    }
}
