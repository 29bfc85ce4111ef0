package com.zhaoshang.ledger.query.audit.late;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.project.LeadRegisteredEvent;
import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the tables of the late-entry audit (V60): one row per fact a unit declared with a business date (every
 * project fact of package {@code api.project} and every activity), with both its times, its lag and its recorder; and
 * the unit tree, the campaigns' units and the published bulletins the query needs to name the bulletins a fact
 * changes.
 * <p>
 * The supervision rules' facts (warnings, overdue, idle land, reclaim) are the system's own findings, recorded when the
 * rule fires: they are not entries a unit could make late, so they are not kept here.
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

    private final JdbcClient jdbc;

    public LateEntriesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        if (event instanceof LeadRegisteredEvent lead) {
            jdbc.sql("""
                            INSERT INTO audit_project_unit (project_id, unit_id) VALUES (:projectId, :unitId)
                            ON CONFLICT (project_id) DO NOTHING""")
                    .param("projectId", lead.projectId())
                    .param("unitId", lead.unitId().value())
                    .update();
        }
        String unitId = jdbc.sql("SELECT unit_id FROM audit_project_unit WHERE project_id = :projectId")
                .param("projectId", event.projectId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("project " + event.projectId() + " has a fact ("
                        + message.getIdentifier() + ") but its lead was never handled"));
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
        jdbc.sql("""
                        INSERT INTO audit_fact (event_id, type, aggregate_id, sequence, project_id, unit_id, occurred_on,
                            recorded_at, lag_days, user_id, role, actor_unit_id)
                        VALUES (:eventId, :type, :aggregateId, :sequence, :projectId, :unitId, :occurredOn, :recordedAt,
                            :lagDays, :userId, :role, :actorUnitId)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", message.getIdentifier())
                .param("type", message.getPayloadType().getSimpleName())
                .param("aggregateId", message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : aggregateId)
                .param("sequence", message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null)
                .param("projectId", projectId)
                .param("unitId", unitId)
                .param("occurredOn", occurredOn)
                .param("recordedAt", Rows.timestamp(recordedAt))
                .param("lagDays", lagDays(occurredOn, recordedAt))
                .param("userId", text(metaData, Actor.USER_ID))
                .param("role", text(metaData, Actor.ROLE))
                .param("actorUnitId", text(metaData, Actor.UNIT_ID))
                .update();
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
