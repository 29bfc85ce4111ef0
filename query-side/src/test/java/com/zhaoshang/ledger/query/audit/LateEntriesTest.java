package com.zhaoshang.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignDefinedEvent;
import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionOverdueEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionRule;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.audit.late.LateEntriesProjection;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/audit/late-entries}: facts recorded more than 7 days after their business date, or after a bulletin
 * whose figures they would change, each with the bulletins it changes. Every test works in a unit tree of its own and
 * asks with {@code unitId=} its root, so tests sharing the database never see each other's facts.
 */
class LateEntriesTest extends QuerySideIntegrationTest {

    /** A quarter's bulletin for the towns, published on 2025-04-02 10:00 Beijing time. */
    private static final Instant PUBLISHED = Instant.parse("2025-04-02T02:00:00Z");
    private static final Instant BEFORE = Instant.parse("2025-03-30T02:00:00Z");

    @Autowired
    LateEntriesProjection projection;

    private String county;
    private String town;
    private String team;
    private String otherTown;
    private String towns;
    private String bulletinId;

    /** county (peer group "counties-…") → town (peer group "towns-…") → team (peer group "teams-…"); another town elsewhere. */
    @BeforeEach
    void unitsAndABulletin() {
        county = Facts.freshUnitId("county");
        town = Facts.freshUnitId("town");
        team = Facts.freshUnitId("team");
        otherTown = Facts.freshUnitId("town");
        towns = Facts.freshUnitId("towns");
        bulletinId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        publish(
                Facts.unit(county, "县", UnitKind.COUNTY, null, Facts.freshUnitId("counties"), at),
                Facts.unit(town, "镇", UnitKind.TOWN, county, towns, at),
                Facts.unit(team, "招商小组", UnitKind.TEAM, town, Facts.freshUnitId("teams"), at),
                Facts.unit(otherTown, "另一镇", UnitKind.TOWN, null, Facts.freshUnitId("towns"), at),
                Facts.message("Bulletin", bulletinId, 0, new BulletinPublishedEvent(bulletinId, BulletinKind.QUARTERLY,
                        "一季度招商引资通报", towns, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31),
                        false, null),
                        Facts.ADMIN, PUBLISHED));
    }

    private JsonNode lateEntries(String query) {
        awaitCaughtUp(LateEntriesProjection.GROUP);
        HttpResponse<String> response = get("/api/audit/late-entries?" + query, "inspector", INSPECTOR_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("entries").forEach(e -> ids.add(e.get("aggregateId").asText()));
        return ids;
    }

    @Test
    void aFactBackdatedIntoAPublishedBulletinsPeriodNamesThatBulletin() {
        ProjectStream onTime = ProjectStream.fresh();
        ProjectStream backdated = ProjectStream.fresh();
        ProjectStream ofTheTeam = ProjectStream.fresh();
        ProjectStream elsewhere = ProjectStream.fresh();
        publish(
                onTime.next(Facts.lead(onTime.projectId(), "按时录入", town, LocalDate.of(2025, 3, 28)), BEFORE),
                // recorded one day after its business date, but after the bulletin of its quarter
                backdated.next(Facts.lead(backdated.projectId(), "补录项目", town, LocalDate.of(2025, 3, 31)),
                        PUBLISHED.plusSeconds(3600)),
                ofTheTeam.next(Facts.lead(ofTheTeam.projectId(), "小组项目", team, LocalDate.of(2025, 3, 31)),
                        PUBLISHED.plusSeconds(7200)),
                elsewhere.next(Facts.lead(elsewhere.projectId(), "别处项目", otherTown, LocalDate.of(2025, 3, 31)),
                        PUBLISHED.plusSeconds(3600)));

        JsonNode page = lateEntries("unitId=" + county);
        assertThat(ids(page)).containsExactly(backdated.projectId(), ofTheTeam.projectId());
        JsonNode entry = page.get("entries").get(0);
        assertThat(entry.get("type").asText()).isEqualTo("LeadRegisteredEvent");
        assertThat(entry.get("projectId").asText()).isEqualTo(backdated.projectId());
        assertThat(entry.get("unitId").asText()).isEqualTo(town);
        assertThat(entry.get("occurredOn").asText()).isEqualTo("2025-03-31");
        assertThat(Instant.parse(entry.get("recordedAt").asText())).isEqualTo(PUBLISHED.plusSeconds(3600));
        assertThat(entry.get("lagDays").asInt()).isEqualTo(2);
        assertThat(entry.get("lagging").asBoolean()).isFalse();
        assertThat(entry.at("/actor/userId").asText()).isEqualTo(Facts.FRONT_OFFICE.userId());
        assertThat(entry.at("/actor/role").asText()).isEqualTo("FRONT_OFFICE");
        JsonNode bulletin = entry.at("/afterBulletins/0");
        assertThat(bulletin.get("bulletinId").asText()).isEqualTo(bulletinId);
        assertThat(bulletin.get("title").asText()).isEqualTo("一季度招商引资通报");
        assertThat(bulletin.get("from").asText()).isEqualTo("2025-01-01");
        assertThat(bulletin.get("to").asText()).isEqualTo("2025-03-31");
        assertThat(Instant.parse(bulletin.get("publishedAt").asText())).isEqualTo(PUBLISHED);
        assertThat(entry.get("afterBulletins")).hasSize(1);
        // the team is not in the towns' peer group, but its figures count in its town's: the town's bulletin changes
        assertThat(page.at("/entries/1/afterBulletins/0/bulletinId").asText()).isEqualTo(bulletinId);
        assertThat(page.get("lateEntryDays").asInt()).isEqualTo(7);
        // another peer group's bulletin is not changed by facts of units outside it
        assertThat(lateEntries("unitId=" + otherTown).get("entries")).isEmpty();
    }

    @Test
    void aFactRecordedMoreThanSevenDaysAfterItsDateIsLateWithoutABulletin() {
        ProjectStream project = ProjectStream.fresh();
        String id = project.projectId();
        publish(
                project.next(Facts.lead(id, "项目", town, LocalDate.of(2025, 5, 1)), Instant.parse("2025-05-08T15:00:00Z")),
                project.next(new NegotiationStartedEvent(id, LocalDate.of(2025, 5, 2)), Instant.parse("2025-05-10T03:00:00Z")),
                // a rule's own finding is never a late entry
                project.next(new ConstructionOverdueEvent(id, new UnitId(town), new ResponsibleLeader("李四", "镇长", null),
                        SupervisionRule.CONSTRUCTION_DEADLINE, LocalDate.of(2024, 10, 1),
                        LocalDate.of(2025, 3, 30), 180, LocalDate.of(2025, 3, 30), LocalDate.of(2025, 5, 30)),
                        Instant.parse("2025-06-01T00:00:00Z")));

        JsonNode page = lateEntries("unitId=" + town);

        // 2025-05-08T15:00Z is 23:00 Beijing, 7 days after 05-01: not late; the negotiation is 8 days late
        assertThat(page.get("entries")).hasSize(1);
        JsonNode entry = page.at("/entries/0");
        assertThat(entry.get("type").asText()).isEqualTo("NegotiationStartedEvent");
        assertThat(entry.get("lagDays").asInt()).isEqualTo(8);
        assertThat(entry.get("lagging").asBoolean()).isTrue();
        assertThat(entry.get("afterBulletins")).isEmpty();
        assertThat(entry.get("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void activitiesAndCampaignBulletinsCountToo() {
        String campaignId = "c-" + UUID.randomUUID();
        String campaignBulletin = UUID.randomUUID().toString();
        String activityId = UUID.randomUUID().toString();
        publish(
                Facts.message("Campaign", campaignId, 0, new CampaignDefinedEvent(campaignId, "百日会战",
                        LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30), List.of(new CampaignTarget(
                        new UnitId(county), Indicator.COMPANIES_VISITED, null, new BigDecimal("10"), null))),
                        Facts.ADMIN, Instant.parse("2025-06-20T00:00:00Z")),
                Facts.message("Bulletin", campaignBulletin, 0, new BulletinPublishedEvent(campaignBulletin,
                        BulletinKind.CAMPAIGN_FINAL, "百日会战总结通报", null, campaignId, LocalDate.of(2025, 7, 1),
                        LocalDate.of(2025, 9, 30), false, null), Facts.ADMIN, Instant.parse("2025-10-01T01:00:00Z")),
                Facts.activity(activityId, team, ActivityKind.COMPANY_VISIT, "走访企业", LocalDate.of(2025, 9, 29),
                        Instant.parse("2025-10-01T02:00:00Z")));

        JsonNode page = lateEntries("unitId=" + county);

        assertThat(ids(page)).containsExactly(activityId);
        assertThat(page.at("/entries/0/type").asText()).isEqualTo("ActivityRecordedEvent");
        assertThat(page.at("/entries/0/afterBulletins/0/bulletinId").asText()).isEqualTo(campaignBulletin);
        assertThat(page.at("/entries/0/afterBulletins/0/campaignId").asText()).isEqualTo(campaignId);
    }

    @Test
    void recordingDatesBoundThePageAndPagesFollowRecordingOrder() {
        List<String> late = new ArrayList<>();
        for (int day = 10; day <= 14; day++) {
            ProjectStream project = ProjectStream.fresh();
            late.add(project.projectId());
            publish(project.next(Facts.lead(project.projectId(), "项目" + day, town, LocalDate.of(2025, 6, 1)),
                    Instant.parse("2025-06-%02dT04:00:00Z".formatted(day))));
        }

        assertThat(ids(lateEntries("unitId=" + town + "&from=2025-06-11&to=2025-06-13"))).containsExactlyElementsOf(late.subList(1, 4));
        assertThat(ids(lateEntries("unitId=" + town + "&from=2025-06-11T04:00:00Z&to=2025-06-13T04:00:00Z")))
                .containsExactlyElementsOf(late.subList(1, 3));
        JsonNode first = lateEntries("unitId=" + town + "&size=2");
        JsonNode third = lateEntries("unitId=" + town + "&size=2&page=2");
        assertThat(ids(first)).containsExactlyElementsOf(late.subList(0, 2));
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(ids(third)).containsExactlyElementsOf(late.subList(4, 5));
        assertThat(third.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void badParametersAreProblemsAndOtherRolesAreRefused() {
        for (String query : List.of("from=someday", "to=2025-13-01", "from=2025-06-02&to=2025-06-01", "size=0",
                "page=-1", "unitId=Not%20A%20Unit")) {
            HttpResponse<String> response = get("/api/audit/late-entries?" + query, "inspector", INSPECTOR_PASSWORD);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(get("/api/audit/late-entries", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/audit/late-entries", "leader", "leader-secret").statusCode()).isEqualTo(403);
        assertThat(get("/api/audit/late-entries", "verifier", "verifier-secret").statusCode()).isEqualTo(403);
        assertThat(get("/api/audit/late-entries?unitId=" + town, "admin", "admin-secret").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT user_id || ':' || outcome FROM audit_access_log WHERE route = '/api/audit/late-entries'"
                        + " AND user_id IN ('leader', 'verifier') ORDER BY id")
                .query(String.class).list()).contains("leader:DENIED", "verifier:DENIED");
    }

    @Test
    void redeliveringTheFactsChangesNothing() {
        ProjectStream project = ProjectStream.fresh();
        String id = project.projectId();
        List<EventMessage<?>> events = List.of(
                project.next(Facts.lead(id, "项目", town, LocalDate.of(2025, 3, 1)), PUBLISHED.plusSeconds(60)),
                project.next(new NegotiationStartedEvent(id, LocalDate.of(2025, 3, 2)), PUBLISHED.plusSeconds(120)));
        publish(events);
        awaitCaughtUp(LateEntriesProjection.GROUP);
        List<List<Map<String, Object>>> before = auditTables(id);

        for (EventMessage<?> event : events) {
            DomainEventMessage<?> message = (DomainEventMessage<?>) event;
            projection.on((ProjectEvent) message.getPayload(), message, message.getTimestamp());
        }

        assertThat(auditTables(id)).isEqualTo(before);
        assertThat(ids(lateEntries("unitId=" + town))).containsExactly(id, id);
    }

    private List<List<Map<String, Object>>> auditTables(String projectId) {
        return List.of(
                jdbc.sql("SELECT * FROM audit_fact WHERE project_id = :id ORDER BY event_id").param("id", projectId)
                        .query().listOfRows(),
                jdbc.sql("SELECT * FROM audit_project_unit WHERE project_id = :id").param("id", projectId)
                        .query().listOfRows());
    }
}
