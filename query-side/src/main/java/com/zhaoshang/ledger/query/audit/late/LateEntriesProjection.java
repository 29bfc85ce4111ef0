package com.zhaoshang.ledger.query.audit.late;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.query.common.BatchedWrites;
import com.zhaoshang.ledger.query.common.MultiRowInsert;
import com.zhaoshang.ledger.query.common.Rows;
import com.zhaoshang.ledger.query.common.KeyLookup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the tables of the late-entry audit (V60): one row per fact a unit declared with a business date (every
 * project fact of package {@code api.project} and every activity), with both its times, its lag and its recorder; and
 * the unit tree, the campaigns' units and the published bulletins the query needs to name the bulletins a fact
 * changes.
 * <p>
 * The supervision rules' facts (warnings, overdue, idle land, reclaim) are the system's own findings, recorded when the
 * rule fires: they are not entries a unit could make late, so they are not kept here.
 * <p>
 * A processor's batch of events is one unit of work: the projects' units and the facts of the batch are written in
 * one statement per 1,000 rows each in its prepare-commit phase, in its transaction, the units of the batch's project facts read in
 * one query (a few round trips per batch instead of two per fact).
 * <p>
 * Idempotent: every insert is keyed by the fact (event id, unit, campaign and unit, bulletin id) and does nothing on a
 * conflict, a unit's row is overwritten with the same values. A project's lead is handled before its later facts (the
 * processor sequences per aggregate), so a later fact finds its project's unit.
 */
@Component
@ProcessingGroup(LateEntriesProjection.GROUP)
public class LateEntriesProjection {

    public static final String GROUP = "audit-late-entries";

    /** Business dates are Chinese dates: a fact recorded at 01:00 Beijing time is recorded on that Beijing day. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String FACT_PACKAGE = LeadRegisteredEvent.class.getPackageName();

    private static final String PENDING_FACTS = LateEntriesProjection.class.getName() + ".pendingFacts";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate namedJdbc;

    public LateEntriesProjection(JdbcClient jdbc, NamedParameterJdbcTemplate namedJdbc) {
        this.jdbc = jdbc;
        this.namedJdbc = namedJdbc;
    }

    @EventHandler
    public void on(UnitRegisteredEvent event) {
        jdbc.sql("""
                        INSERT INTO audit_unit (unit_id, parent_id, peer_group) VALUES (:unitId, :parentId, :peerGroup)
                        ON CONFLICT (unit_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, peer_group = EXCLUDED.peer_group""")
                .param("unitId", event.unitId().value())
                .param("parentId", event.parentId() == null ? null : event.parentId().value())
                .param("peerGroup", event.peerGroup())
                .update();
    }

    @EventHandler
    public void on(CampaignDefinedEvent event) {
        for (CampaignTarget target : event.targets()) {
            jdbc.sql("""
                            INSERT INTO audit_campaign_unit (campaign_id, unit_id) VALUES (:campaignId, :unitId)
                            ON CONFLICT DO NOTHING""")
                    .param("campaignId", event.campaignId())
                    .param("unitId", target.unitId().value())
                    .update();
        }
    }

    /** The publication instant is the event's recording time (see {@link BulletinPublishedEvent}). */
    @EventHandler
    public void on(BulletinPublishedEvent event, @Timestamp Instant publishedAt) {
        jdbc.sql("""
                        INSERT INTO audit_bulletin (bulletin_id, title, kind, peer_group, campaign_id, date_from, date_to,
                            published_at)
                        VALUES (:id, :title, :kind, :peerGroup, :campaignId, :from, :to, :publishedAt)
                        ON CONFLICT (bulletin_id) DO NOTHING""")
                .param("id", event.bulletinId())
                .param("title", event.title())
                .param("kind", event.kind().name())
                .param("peerGroup", event.peerGroup())
                .param("campaignId", event.campaignId())
                .param("from", event.from())
                .param("to", event.to())
                .param("publishedAt", Rows.timestamp(publishedAt))
                .update();
    }

    @EventHandler
    public void on(ActivityRecordedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        fact(message, event.activityId(), null, event.unitId().value(), event.occurredOn(), recordedAt);
    }

    @EventHandler
    public void on(ProjectEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        if (!isDeclaredByAUnit(event)) {
            return;
        }
        String unitId = null;
        if (event instanceof LeadRegisteredEvent lead) {
            unitId = lead.unitId().value();
            Map<String, Object> row = new HashMap<>();
            row.put("projectId", lead.projectId());
            row.put("unitId", unitId);
            if (BatchedWrites.inProcessorBatch()) {
                pending().projectUnits.put(lead.projectId(), row);
            } else {
                insertProjectUnits(List.of(row));
            }
        }
        fact(message, event.projectId(), event.projectId(), unitId, event.occurredOn(), recordedAt);
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM audit_fact").update();
        jdbc.sql("DELETE FROM audit_project_unit").update();
        jdbc.sql("DELETE FROM audit_unit").update();
        jdbc.sql("DELETE FROM audit_campaign_unit").update();
        jdbc.sql("DELETE FROM audit_bulletin").update();
    }

    /** A project fact declared by a unit (or its verifier), as opposed to a supervision rule's own finding. */
    static boolean isDeclaredByAUnit(ProjectEvent event) {
        return event.getClass().getPackageName().equals(FACT_PACKAGE);
    }

    /** Whole days between the business date and the (Beijing) day the fact was recorded; negative if post-dated. */
    static int lagDays(LocalDate occurredOn, Instant recordedAt) {
        return Math.toIntExact(ChronoUnit.DAYS.between(occurredOn, recordedAt.atZone(BUSINESS_ZONE).toLocalDate()));
    }

    private void fact(EventMessage<?> message, String aggregateId, String projectId, String unitId,
                      LocalDate occurredOn, Instant recordedAt) {
        if (occurredOn == null) {
            return;
        }
        MetaData metaData = message.getMetaData();
        Map<String, Object> row = new HashMap<>();
        row.put("eventId", message.getIdentifier());
        row.put("type", message.getPayloadType().getSimpleName());
        row.put("aggregateId", message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : aggregateId);
        row.put("sequence", message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null);
        row.put("projectId", projectId);
        row.put("unitId", unitId);
        row.put("occurredOn", occurredOn);
        row.put("recordedAt", Rows.timestamp(recordedAt));
        row.put("lagDays", lagDays(occurredOn, recordedAt));
        row.put("userId", text(metaData, Actor.USER_ID));
        row.put("role", text(metaData, Actor.ROLE));
        row.put("actorUnitId", text(metaData, Actor.UNIT_ID));
        if (!BatchedWrites.inProcessorBatch()) {
            write(new Pending(new ArrayList<>(List.of(row))));
            return;
        }
        pending().facts.add(row);
    }

    /**
     * The rows of a processor batch (one unit of work, one transaction), written at its prepare-commit: the projects'
     * units in one JDBC batch, then the facts in one statement per 1,000 rows, the units of the batch's project facts
     * read in one query.
     */
    private static final class Pending {
        private final Map<String, Map<String, Object>> projectUnits = new LinkedHashMap<>();
        private final List<Map<String, Object>> facts;

        Pending(List<Map<String, Object>> facts) {
            this.facts = facts;
        }
    }

    private Pending pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_FACTS, key -> {
            Pending rows = new Pending(new ArrayList<>());
            batch.onPrepareCommit(u -> write(rows));
            return rows;
        });
    }

    private void write(Pending pending) {
        insertProjectUnits(List.copyOf(pending.projectUnits.values()));
        pending.projectUnits.clear();
        List<Map<String, Object>> facts = List.copyOf(pending.facts);
        pending.facts.clear();
        resolveUnits(facts);
        insertFacts(facts);
    }

    private void insertProjectUnits(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        namedJdbc.batchUpdate("""
                INSERT INTO audit_project_unit (project_id, unit_id) VALUES (:projectId, :unitId)
                ON CONFLICT (project_id) DO NOTHING""", rows.stream().map(MapSqlParameterSource::new)
                .toArray(SqlParameterSource[]::new));
    }

    /** The unit of each project fact that is not a lead: its project's, kept when its lead was handled. */
    private void resolveUnits(List<Map<String, Object>> facts) {
        Set<String> projects = new HashSet<>();
        for (Map<String, Object> row : facts) {
            if (row.get("unitId") == null) {
                projects.add((String) row.get("projectId"));
            }
        }
        if (projects.isEmpty()) {
            return;
        }
        Map<String, String> units = new HashMap<>();
        KeyLookup.query(namedJdbc.getJdbcTemplate(),
                "SELECT project_id, unit_id FROM audit_project_unit WHERE project_id = ANY(?)", projects, rs -> {
                    units.put(rs.getString(1), rs.getString(2));
                });
        for (Map<String, Object> row : facts) {
            if (row.get("unitId") == null) {
                String unitId = units.get((String) row.get("projectId"));
                if (unitId == null) {
                    throw new IllegalStateException("project " + row.get("projectId") + " has a fact ("
                            + row.get("eventId") + ") but its lead was never handled");
                }
                row.put("unitId", unitId);
            }
        }
    }

    private static final String[] FACT_COLUMNS = {"eventId", "type", "aggregateId", "sequence", "projectId", "unitId",
            "occurredOn", "recordedAt", "lagDays", "userId", "role", "actorUnitId"};
    private static final List<String> FACT_TYPES = List.of("text", "text", "text", "bigint", "text", "text", "date",
            "timestamptz", "integer", "text", "text", "text");

    /** One statement per 1,000 facts ({@link MultiRowInsert}); a fact stored already is skipped. */
    private void insertFacts(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Object[] columns = new Object[FACT_COLUMNS.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = row.get(FACT_COLUMNS[i]);
            }
            values.add(columns);
        }
        MultiRowInsert.insert(namedJdbc.getJdbcTemplate(), """
                INSERT INTO audit_fact (event_id, type, aggregate_id, sequence, project_id, unit_id, occurred_on,
                    recorded_at, lag_days, user_id, role, actor_unit_id)""", "ON CONFLICT (event_id) DO NOTHING",
                FACT_TYPES, values);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
