package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.ConstructionCompletedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.ContractTerminatedEvent;
import com.zhaoshang.ledger.api.project.IntentAgreementSignedEvent;
import com.zhaoshang.ledger.api.project.LandAssignedEvent;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProductionStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectAbandonedEvent;
import com.zhaoshang.ledger.api.project.ProjectRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what the leaders' views count: the unit tree, one row per project with its stage dates, and one row per
 * counting fact (DOMAIN.md "Indicators"). Counting rules:
 * <ul>
 *   <li>leads = {@link LeadRegisteredEvent}; visits and inspections = {@link ActivityRecordedEvent} of kind
 *   COMPANY_VISIT / INVESTOR_INSPECTION;</li>
 *   <li>projects signed and signed amount = {@link ProjectSignedEvent} only (a presentation at another ceremony
 *   is not handled here, so it never counts);</li>
 *   <li>construction started / production started = those events;</li>
 *   <li>capital = verified amounts only, CNY and USD apart, dated by the arrival's {@code occurredOn}.</li>
 * </ul>
 * Every write is an upsert keyed by the fact itself, so a redelivered event changes nothing and a rebuild writes
 * the same rows. Events of one project arrive in order (same aggregate, same segment); units and facts may not,
 * so the tree is walked at query time.
 */
@Component
@ProcessingGroup(LeaderViewsProjection.GROUP)
@AllowReplay
public class LeaderViewsProjection {

    public static final String GROUP = "leader-views";

    private static final String[] STAGE_COLUMNS = {"lead_on", "negotiation_on", "intent_on", "signed_on", "registered_on",
            "land_on", "construction_on", "completed_on", "production_on", "terminated_on", "abandoned_on"};

    private final JdbcClient jdbc;
    private final ViewCounters counters;

    public LeaderViewsProjection(JdbcClient jdbc, ViewCounters counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    @EventHandler
    public void on(UnitRegisteredEvent event) {
        jdbc.sql("""
                        INSERT INTO views_unit (unit_id, name, kind, parent_id, peer_group) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                            parent_id = EXCLUDED.parent_id, peer_group = EXCLUDED.peer_group""")
                .params(event.unitId().value(), event.name(), event.kind().name(),
                        event.parentId() == null ? null : event.parentId().value(), event.peerGroup())
                .update();
        counters.unitPlaced(event.unitId().value());
    }

    @EventHandler
    public void on(LeadRegisteredEvent event, @Timestamp Instant recordedAt) {
        Money intended = event.intendedAmount();
        Map<String, Object> before = jdbc.sql("""
                        WITH old AS (SELECT * FROM views_project WHERE project_id = ?),
                        up AS (INSERT INTO views_project (project_id, unit_id, industry_code, industrial, intended_amount,
                            intended_currency, lead_on) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET unit_id = EXCLUDED.unit_id,
                            industry_code = EXCLUDED.industry_code, industrial = EXCLUDED.industrial,
                            intended_amount = EXCLUDED.intended_amount, intended_currency = EXCLUDED.intended_currency,
                            lead_on = EXCLUDED.lead_on RETURNING 1)
                        SELECT * FROM old""")
                .params(event.projectId(), event.projectId(), event.unitId().value(), event.industryCode().value(),
                        event.industryCode().isIndustrial(), intended == null ? null : intended.amount(),
                        intended == null ? null : intended.currency().name(), event.occurredOn())
                .query().listOfRows().stream().findFirst().orElse(null);
        String unitBefore = before == null ? null : (String) before.get("unit_id");
        String unitAfter = event.unitId().value();
        for (String column : STAGE_COLUMNS) {
            LocalDate old = before == null ? null : date(before.get(column));
            LocalDate now = column.equals("lead_on") ? event.occurredOn() : old;
            counters.stageChanged(unitBefore, unitAfter, column, old, now);
        }
        fact("lead:" + event.projectId(), Indicator.LEADS_COLLECTED, event.unitId().value(), event.occurredOn(), null,
                event.projectId(), event.industryCode().isIndustrial(), intended, recordedAt);
    }

    @EventHandler
    public void on(ActivityRecordedEvent event, @Timestamp Instant recordedAt) {
        Indicator indicator = event.kind() == ActivityKind.COMPANY_VISIT ? Indicator.COMPANIES_VISITED
                : event.kind() == ActivityKind.INVESTOR_INSPECTION ? Indicator.INVESTOR_INSPECTIONS : null;
        if (indicator != null) {
            fact("activity:" + event.activityId(), indicator, event.unitId().value(), event.occurredOn(), null, null, null, null,
                    recordedAt);
        }
    }

    @EventHandler
    public void on(NegotiationStartedEvent event) {
        stage(event.projectId(), "negotiation_on", event.occurredOn());
    }

    @EventHandler
    public void on(IntentAgreementSignedEvent event) {
        stage(event.projectId(), "intent_on", event.occurredOn());
    }

    @EventHandler
    public void on(ProjectSignedEvent event, @Timestamp Instant recordedAt) {
        Money contract = event.contractAmount();
        jdbc.sql("""
                        UPDATE views_project p SET signed_on = ?, contract_amount = ?, contract_currency = ?, signed_recorded_at = ?
                        FROM (SELECT project_id, signed_on FROM views_project WHERE project_id = ?) o
                        WHERE p.project_id = o.project_id RETURNING p.unit_id, o.signed_on""")
                .params(event.occurredOn(), contract.amount(), contract.currency().name(), java.sql.Timestamp.from(recordedAt),
                        event.projectId())
                .query((rs, n) -> {
                    counters.stageChanged(rs.getString(1), rs.getString(1), "signed_on", rs.getObject(2, LocalDate.class),
                            event.occurredOn());
                    return 1;
                })
                .list();
        ProjectRow project = project(event.projectId());
        fact("signed:" + event.projectId(), Indicator.PROJECTS_SIGNED, project.unitId(), event.occurredOn(), contract,
                event.projectId(), project.industrial(), contract, recordedAt);
        fact("signed:" + event.projectId(), Indicator.SIGNED_AMOUNT, project.unitId(), event.occurredOn(), contract,
                event.projectId(), project.industrial(), contract, recordedAt);
    }

    @EventHandler
    public void on(ProjectRegisteredEvent event) {
        stage(event.projectId(), "registered_on", event.occurredOn());
    }

    @EventHandler
    public void on(LandAssignedEvent event) {
        stage(event.projectId(), "land_on", event.occurredOn());
    }

    @EventHandler
    public void on(ConstructionStartedEvent event, @Timestamp Instant recordedAt) {
        stage(event.projectId(), "construction_on", event.occurredOn());
        recorded(event.projectId(), "construction_recorded_at", recordedAt);
        projectFact("start:", Indicator.CONSTRUCTION_STARTED, event.projectId(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    public void on(ConstructionCompletedEvent event) {
        stage(event.projectId(), "completed_on", event.occurredOn());
    }

    @EventHandler
    public void on(ProductionStartedEvent event, @Timestamp Instant recordedAt) {
        stage(event.projectId(), "production_on", event.occurredOn());
        projectFact("production:", Indicator.PRODUCTION_STARTED, event.projectId(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    public void on(ContractTerminatedEvent event, @Timestamp Instant recordedAt) {
        stage(event.projectId(), "terminated_on", event.occurredOn());
        recorded(event.projectId(), "terminated_recorded_at", recordedAt);
    }

    @EventHandler
    public void on(ProjectAbandonedEvent event, @Timestamp Instant recordedAt) {
        stage(event.projectId(), "abandoned_on", event.occurredOn());
        recorded(event.projectId(), "abandoned_recorded_at", recordedAt);
    }

    @EventHandler
    public void on(CapitalArrivedEvent event) {
        boolean verified = jdbc.sql("""
                        INSERT INTO views_capital_arrival (project_id, arrival_id, occurred_on, reported_amount, currency)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (project_id, arrival_id) DO UPDATE SET occurred_on = EXCLUDED.occurred_on,
                            reported_amount = EXCLUDED.reported_amount, currency = EXCLUDED.currency
                        RETURNING verified_amount IS NOT NULL""")
                .params(event.projectId(), event.arrivalId(), event.occurredOn(), event.amount().amount(),
                        event.amount().currency().name())
                .query(Boolean.class).single();
        if (verified) {
            // written again over a verified arrival (redelivery): its date or currency may count elsewhere now
            verifiedTotals(event.projectId());
        }
    }

    /** Only verified capital counts, on the day the money arrived, in its own currency. */
    @EventHandler
    public void on(CapitalVerifiedEvent event, @Timestamp Instant recordedAt) {
        Money verified = event.verifiedAmount();
        LocalDate arrivedOn = jdbc.sql("""
                        UPDATE views_capital_arrival SET verified_amount = ? WHERE project_id = ? AND arrival_id = ?
                        RETURNING occurred_on""")
                .params(verified.amount(), event.projectId(), event.arrivalId())
                .query(LocalDate.class).optional()
                .orElse(event.occurredOn());
        verifiedTotals(event.projectId());
        Indicator indicator = switch (verified.currency()) {
            case CNY -> Indicator.CAPITAL_VERIFIED_CNY;
            case USD -> Indicator.CAPITAL_VERIFIED_USD;
        };
        ProjectRow project = project(event.projectId());
        fact("capital:" + event.projectId() + ":" + event.arrivalId(), indicator, project.unitId(), arrivedOn, verified,
                event.projectId(), project.industrial(), project.contract(), recordedAt);
    }

    /**
     * The project's verified capital per currency and the latest date of its verified arrivals (V120), summed again
     * from its arrivals: the same whatever the order or number of deliveries.
     */
    private void verifiedTotals(String projectId) {
        jdbc.sql("""
                        UPDATE views_project p SET verified_cny = s.cny, verified_usd = s.usd, verified_until = s.until
                        FROM (SELECT COALESCE(SUM(verified_amount) FILTER (WHERE currency = 'CNY'), 0) AS cny,
                                     COALESCE(SUM(verified_amount) FILTER (WHERE currency = 'USD'), 0) AS usd,
                                     MAX(occurred_on) FILTER (WHERE verified_amount IS NOT NULL) AS until
                              FROM views_capital_arrival WHERE project_id = ?) s
                        WHERE p.project_id = ?""")
                .params(projectId, projectId)
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM views_fact").update();
        jdbc.sql("DELETE FROM views_capital_arrival").update();
        jdbc.sql("DELETE FROM views_project").update();
        jdbc.sql("DELETE FROM views_unit").update();
        counters.reset();
    }

    private void projectFact(String keyPrefix, Indicator indicator, String projectId, LocalDate occurredOn,
                             Instant recordedAt) {
        ProjectRow project = project(projectId);
        fact(keyPrefix + projectId, indicator, project.unitId(), occurredOn, null, projectId, project.industrial(),
                project.contract(), recordedAt);
    }

    private void recorded(String projectId, String column, Instant recordedAt) {
        jdbc.sql("UPDATE views_project SET " + column + " = ? WHERE project_id = ?")
                .params(java.sql.Timestamp.from(recordedAt), projectId)
                .update();
    }

    private void stage(String projectId, String column, LocalDate occurredOn) {
        jdbc.sql("UPDATE views_project p SET " + column + " = ? FROM (SELECT project_id, " + column
                        + " AS old FROM views_project WHERE project_id = ?) o WHERE p.project_id = o.project_id"
                        + " RETURNING p.unit_id, o.old")
                .params(occurredOn, projectId)
                .query((rs, n) -> {
                    counters.stageChanged(rs.getString(1), rs.getString(1), column, rs.getObject(2, LocalDate.class), occurredOn);
                    return 1;
                })
                .list();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private void fact(String key, Indicator indicator, String unitId, LocalDate occurredOn, Money amount,
                      String projectId, Boolean industrial, Money reference, Instant recordedAt) {
        jdbc.sql("""
                        WITH old AS (SELECT unit_id, indicator, occurred_on, amount, currency, industrial FROM views_fact
                                     WHERE fact_key = ? AND indicator = ?),
                        up AS (INSERT INTO views_fact (fact_key, indicator, unit_id, occurred_on, quantity, amount, currency,
                            project_id, industrial, ref_amount, ref_currency, recorded_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (fact_key, indicator) DO UPDATE SET unit_id = EXCLUDED.unit_id,
                            occurred_on = EXCLUDED.occurred_on, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
                            project_id = EXCLUDED.project_id, industrial = EXCLUDED.industrial,
                            ref_amount = EXCLUDED.ref_amount, ref_currency = EXCLUDED.ref_currency,
                            recorded_at = EXCLUDED.recorded_at
                            RETURNING unit_id, indicator, occurred_on, amount, currency, industrial)
                        SELECT u.unit_id, u.indicator, u.occurred_on, u.amount, u.currency, u.industrial,
                               o.unit_id, o.indicator, o.occurred_on, o.amount, o.currency, o.industrial
                        FROM up u LEFT JOIN old o ON TRUE""")
                .params(key, indicator.name(), key, indicator.name(), unitId, occurredOn,
                        amount == null ? null : amount.amount(), amount == null ? null : amount.currency().name(),
                        projectId, industrial,
                        reference == null ? null : reference.amount(), reference == null ? null : reference.currency().name(),
                        java.sql.Timestamp.from(recordedAt))
                .query((rs, n) -> {
                    ViewCounters.Counted after = counted(rs, 1);
                    ViewCounters.Counted before = rs.getString(7) == null ? null : counted(rs, 7);
                    counters.factWritten(before, after);
                    return 1;
                })
                .list();
    }

    private static ViewCounters.Counted counted(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        return new ViewCounters.Counted(rs.getString(first), rs.getString(first + 1), rs.getObject(first + 2, LocalDate.class),
                rs.getBigDecimal(first + 3), rs.getString(first + 4), (Boolean) rs.getObject(first + 5));
    }

    private ProjectRow project(String projectId) {
        Optional<ProjectRow> row = jdbc.sql("""
                        SELECT unit_id, industrial, contract_amount, contract_currency FROM views_project WHERE project_id = ?""")
                .param(projectId)
                .query((rs, n) -> {
                    BigDecimal amount = rs.getBigDecimal("contract_amount");
                    Money contract = amount == null ? null
                            : new Money(amount, com.zhaoshang.ledger.api.value.Currency.valueOf(rs.getString("contract_currency")));
                    return new ProjectRow(rs.getString("unit_id"), rs.getBoolean("industrial"), contract);
                })
                .optional();
        // Events of one project arrive in order, so its lead is always known here; retrying is the safe answer otherwise.
        return row.orElseThrow(() -> new IllegalStateException("project " + projectId + " has no lead in the leaders' views yet"));
    }

    private record ProjectRow(String unitId, boolean industrial, Money contract) {
    }
}
