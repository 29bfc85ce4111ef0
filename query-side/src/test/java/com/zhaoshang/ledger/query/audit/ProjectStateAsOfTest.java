package com.zhaoshang.ledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhaoshang.ledger.api.project.CapitalArrivedEvent;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.IntentAgreementSignedEvent;
import com.zhaoshang.ledger.api.project.NegotiationStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectPresentedAtCeremonyEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.query.project.ProjectsProjection;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/audit/projects/{id}/state?asOf=}: the project as known at a past recording instant. */
class ProjectStateAsOfTest extends QuerySideIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-02-03T02:00:00Z");

    private HttpResponse<String> asInspector(String path) {
        return get(path, "inspector", INSPECTOR_PASSWORD);
    }

    /** Lead at T0, negotiation at T0+1h, intent at T0+2h, signing (with leader) at T0+3h, then capital and a ceremony. */
    private ProjectStream project() {
        ProjectStream project = ProjectStream.fresh();
        String id = project.projectId();
        publish(
                project.next(Facts.lead(id, "年产5万吨电子化学品项目", "360802", LocalDate.of(2025, 1, 6)), T0),
                project.next(new NegotiationStartedEvent(id, LocalDate.of(2025, 1, 20)), T0.plusSeconds(3600)),
                project.next(new IntentAgreementSignedEvent(id, Money.cny("80000000"), LocalDate.of(2025, 1, 25)),
                        T0.plusSeconds(2 * 3600)),
                project.next(new ProjectSignedEvent(id, Money.cny("92900000.00"), "2025 春季签约会",
                        new ResponsibleLeader("张伟", "副区长", null), LocalDate.of(2025, 2, 1)), T0.plusSeconds(3 * 3600)),
                project.next(new CapitalArrivedEvent(id, "a1", Money.cny("30000000"), false, LocalDate.of(2025, 2, 2)),
                        T0.plusSeconds(4 * 3600)),
                project.next(new CapitalVerifiedEvent(id, "a1", Money.cny("30000000"), Money.cny("28000000"),
                        new Evidence(EvidenceKind.BANK_RECEIPT, "进账单 0042"), LocalDate.of(2025, 2, 3)),
                        T0.plusSeconds(5 * 3600)),
                project.next(new ProjectPresentedAtCeremonyEvent(id, "2025 夏季签约会", LocalDate.of(2025, 2, 3)),
                        T0.plusSeconds(6 * 3600)));
        awaitCaughtUp(ProjectsProjection.GROUP);
        return project;
    }

    @Test
    void itsStateAsOfAnInstantBetweenTwoFactsShowsTheFirstAndNotTheSecond() {
        ProjectStream project = project();
        String between = T0.plusSeconds(3600 + 1800).toString();

        HttpResponse<String> response = asInspector("/api/audit/projects/" + project.projectId() + "/state?asOf=" + between);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode state = json(response);
        assertThat(state.get("id").asText()).isEqualTo(project.projectId());
        assertThat(state.get("stage").asText()).isEqualTo("NEGOTIATING");
        assertThat(state.at("/milestones/negotiationOn").asText()).isEqualTo("2025-01-20");
        assertThat(state.at("/milestones/intentOn").isMissingNode()).isTrue();
        assertThat(state.has("intentAmount")).isFalse();
        assertThat(state.get("asOf").asText()).isEqualTo(between);
        assertThat(state.get("eventsReplayed").asInt()).isEqualTo(2);
        assertThat(state.get("lastSequence").asLong()).isEqualTo(1);
        assertThat(state.get("version").asLong()).isEqualTo(1);

        JsonNode signed = json(asInspector("/api/audit/projects/" + project.projectId() + "/state?asOf="
                + T0.plusSeconds(4 * 3600)));
        assertThat(signed.get("stage").asText()).isEqualTo("SIGNED");
        assertThat(signed.at("/responsibleLeader/name").asText()).isEqualTo("张伟");
        assertThat(new BigDecimal(signed.at("/capital/reported/CNY").asText())).isEqualByComparingTo("30000000");
        assertThat(signed.at("/capitalArrivals/0/verified").asBoolean()).isFalse();
        assertThat(signed.get("eventsReplayed").asInt()).isEqualTo(5);
        // the replays wrote into their own scratch tables: the live view still shows everything
        assertThat(json(get("/api/projects/" + project.projectId())).get("version").asLong()).isEqualTo(6);
    }

    @Test
    void aReplayAsOfNowEqualsTheLiveProject() {
        ProjectStream project = project();
        JsonNode live = json(get("/api/projects/" + project.projectId()));

        for (int i = 0; i < 7; i++) { // the same pooled connections again and again: shadow tables never leak
            JsonNode state = json(asInspector("/api/audit/projects/" + project.projectId() + "/state?asOf="
                    + Instant.now()));
            assertThat(state.get("eventsReplayed").asInt()).isEqualTo(7);
            assertThat(state.get("lastSequence").asLong()).isEqualTo(6);
            ObjectNode projectPart = ((ObjectNode) state).deepCopy();
            projectPart.remove(java.util.List.of("asOf", "eventsReplayed", "lastSequence"));
            assertThat(projectPart).isEqualTo(live);
            assertThat(json(get("/api/projects/" + project.projectId()))).isEqualTo(live);
        }
        assertThat(new BigDecimal(live.at("/capital/verified/CNY").asText())).isEqualByComparingTo("28000000");
        assertThat(live.at("/presentedAtCeremonies/0/ceremony").asText()).isEqualTo("2025 夏季签约会");
    }

    @Test
    void beforeTheFirstFactTheProjectIsUnknown() {
        ProjectStream project = project();

        HttpResponse<String> before = asInspector("/api/audit/projects/" + project.projectId() + "/state?asOf="
                + T0.minusSeconds(1));
        HttpResponse<String> unknown = asInspector("/api/audit/projects/no-such-project/state?asOf=" + T0);

        for (HttpResponse<String> response : java.util.List.of(before, unknown)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(json(before).get("detail").asText()).contains(project.projectId());
    }

    @Test
    void aMissingOrInvalidAsOfIsABadRequest() {
        ProjectStream project = project();
        String path = "/api/audit/projects/" + project.projectId() + "/state";

        for (String query : java.util.List.of("", "?asOf=", "?asOf=yesterday", "?asOf=2025-02-03")) {
            HttpResponse<String> response = asInspector(path + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("detail").asText()).contains("asOf");
        }
    }

    @Test
    void onlyInspectorsAndAdminsMayAskAndEveryAskIsLogged() {
        ProjectStream project = project();
        String path = "/api/audit/projects/" + project.projectId() + "/state";
        String query = "?asOf=" + T0.plusSeconds(60);

        assertThat(get(path + query, null, null).statusCode()).isEqualTo(401);
        assertThat(get(path + query, "leader", "leader-secret").statusCode()).isEqualTo(403);
        assertThat(get(path + query, "front", "front-secret").statusCode()).isEqualTo(403);
        assertThat(get(path + query, "admin", "admin-secret").statusCode()).isEqualTo(200);
        assertThat(asInspector(path + query).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT user_id || ':' || outcome FROM audit_access_log WHERE route = :route ORDER BY id")
                .param("route", path).query(String.class).list())
                .containsExactly("leader:DENIED", "front:DENIED", "admin:GRANTED", "inspector:GRANTED");
    }
}
