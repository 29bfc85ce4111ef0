package com.zhaoshang.ledger.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.Facts.ProjectStream;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/projects/{id}} and {@code GET /api/projects} through the real processors and HTTP. */
class ProjectsApiTest extends QuerySideIntegrationTest {

    @Autowired
    private Clock clock;

    private String root;
    private String district;
    private String town;
    private String otherDistrict;

    /** A fresh unit tree per test: root → district → town, and root → other district. */
    @BeforeEach
    void unitTree() {
        root = Facts.freshUnitId("city");
        district = Facts.freshUnitId("district");
        town = Facts.freshUnitId("town");
        otherDistrict = Facts.freshUnitId("district");
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        publish(
                Facts.unit(root, "市", UnitKind.CITY, null, "city", at),
                Facts.unit(district, "区", UnitKind.DISTRICT, root, "districts", at),
                Facts.unit(town, "镇", UnitKind.TOWN, district, "towns", at),
                Facts.unit(otherDistrict, "另一区", UnitKind.DISTRICT, root, "districts", at));
    }

    @Test
    void aProjectReadsAsTheContractWritesItWithItsVersionAsETag() {
        ProjectStream project = ProjectStream.fresh();
        publish(ProjectsProjectionTest.wholeLife(project));
        String path = "/api/projects/" + project.projectId();

        JsonNode json = awaitJson(() -> get(path), p -> p.path("version").asLong() == 13);
        HttpResponse<String> response = get(path);

        assertThat(response.headers().firstValue("ETag")).hasValue("\"13\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json.path("id").asText()).isEqualTo(project.projectId());
        assertThat(json.path("name").asText()).isEqualTo("年产10万吨锂电新材料项目");
        assertThat(json.path("unitId").asText()).isEqualTo("360802");
        assertThat(json.path("stage").asText()).isEqualTo("IN_PRODUCTION");
        assertThat(json.path("registered").asBoolean()).isTrue();
        assertThat(json.path("investor").path("name").asText()).isEqualTo("江西某新材料有限公司");
        assertThat(json.path("investor").path("kind").asText()).isEqualTo("PRIVATE");
        assertThat(json.path("investor").has("creditCode")).as("nulls are omitted").isFalse();
        assertThat(json.path("industryCode").asText()).isEqualTo("C3985");
        assertThat(json.path("industrial").asBoolean()).isTrue();
        assertThat(json.path("channel").asText()).isEqualTo("BUSINESS_REFERRAL");
        assertThat(json.path("intendedAmount").path("amount").isTextual()).isTrue();
        assertThat(json.path("intendedAmount").path("amount").asText()).isEqualTo("50000000.00");
        assertThat(json.path("intentAmount").path("amount").asText()).isEqualTo("80000000.00");
        assertThat(json.path("contractAmount").path("amount").asText()).isEqualTo("92900000.00");
        assertThat(json.path("contractAmount").path("currency").asText()).isEqualTo("CNY");
        assertThat(json.path("ceremony").asText()).isEqualTo("2024 春季签约会");
        assertThat(json.path("presentedAtCeremonies").get(0).path("ceremony").asText()).isEqualTo("2024 秋季签约会");
        assertThat(json.path("presentedAtCeremonies").get(0).path("occurredOn").asText()).isEqualTo("2024-05-28");
        assertThat(json.path("responsibleLeader").path("name").asText()).isEqualTo("王五");
        assertThat(json.path("responsibleLeader").path("title").asText()).isEqualTo("副区长");
        JsonNode milestones = json.path("milestones");
        assertThat(milestones.path("leadOn").asText()).isEqualTo("2024-01-05");
        assertThat(milestones.path("negotiationOn").asText()).isEqualTo("2024-01-20");
        assertThat(milestones.path("intentOn").asText()).isEqualTo("2024-02-01");
        assertThat(milestones.path("signedOn").asText()).isEqualTo("2024-03-01");
        assertThat(milestones.path("registeredOn").asText()).isEqualTo("2024-03-10");
        assertThat(milestones.path("landOn").asText()).isEqualTo("2024-03-20");
        assertThat(milestones.path("constructionStartedOn").asText()).isEqualTo("2024-04-01");
        assertThat(milestones.path("completedOn").asText()).isEqualTo("2024-06-01");
        assertThat(milestones.path("productionStartedOn").asText()).isEqualTo("2024-06-15");
        assertThat(milestones.has("endedOn")).isFalse();
        assertThat(json.has("endReason")).isFalse();
        assertThat(json.path("land").path("parcelId").asText()).isEqualTo("DK2024-031");
        assertThat(json.path("land").path("areaMu").decimalValue()).isEqualByComparingTo("120.5");
        JsonNode arrivals = json.path("capitalArrivals");
        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(0).path("arrivalId").asText()).isEqualTo("a1");
        assertThat(arrivals.get(0).path("amount").path("amount").asText()).isEqualTo("30000000.00");
        assertThat(arrivals.get(0).path("verified").asBoolean()).isTrue();
        assertThat(arrivals.get(0).path("verifiedAmount").path("amount").asText()).isEqualTo("29000000.00");
        assertThat(arrivals.get(0).path("evidence").path("kind").asText()).isEqualTo("BANK_RECEIPT");
        assertThat(arrivals.get(0).path("verifiedOn").asText()).isEqualTo("2024-05-20");
        assertThat(arrivals.get(1).path("amount").path("currency").asText()).isEqualTo("USD");
        assertThat(arrivals.get(1).path("foreignExchange").asBoolean()).isTrue();
        assertThat(arrivals.get(1).path("verified").asBoolean()).isFalse();
        assertThat(arrivals.get(1).has("verifiedAmount")).isFalse();
        assertThat(json.path("capital").path("reported").path("CNY").asText()).isEqualTo("30000000.00");
        assertThat(json.path("capital").path("reported").path("USD").asText()).isEqualTo("1500000.00");
        assertThat(json.path("capital").path("verified").path("CNY").asText()).isEqualTo("29000000.00");
        assertThat(json.path("capital").path("verified").path("USD").asText()).isEqualTo("0.00");
        assertThat(json.path("version").asLong()).isEqualTo(13);
        assertThat(json.path("lastRecordedAt").asText()).isEqualTo("2024-07-01T02:13:00Z");
    }

    @Test
    void aClientHoldingTheCurrentVersionGets304() {
        ProjectStream project = ProjectStream.fresh();
        publish(project.next(Facts.lead(project.projectId(), "条件请求", district, LocalDate.of(2024, 1, 5)),
                Instant.parse("2024-07-01T00:00:00Z")));
        String path = "/api/projects/" + project.projectId();
        awaitJson(() -> get(path), p -> p.path("version").asLong() == 0);

        HttpResponse<String> response = send(request(path)
                .header("Authorization", basic("leader", "leader-secret"))
                .header("If-None-Match", "\"0\"").GET().build());

        assertThat(response.statusCode()).isEqualTo(304);
    }

    @Test
    void anUnknownProjectIs404Problem() {
        HttpResponse<String> response = get("/api/projects/no-such-project");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unknown-reference");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).contains("no-such-project");
    }

    @Test
    void aClientAcceptingOnlyJsonStillGetsTheProblemDocument() {
        HttpResponse<String> response = send(request("/api/projects/no-such-project")
                .header("Authorization", basic("leader", "leader-secret"))
                .header("Accept", "application/json").GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asText()).isEqualTo("/problems/unknown-reference");
    }

    @Test
    void listsArePagedMostRecentlyRecordedFirstThenByIdAndFilteredBySubtree() {
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(lead("p1-" + root, root, base.plusSeconds(60)));
        events.add(lead("p2-" + root, district, base.plusSeconds(120)));
        events.add(lead("p3-" + root, town, base.plusSeconds(180)));
        events.add(lead("p4-" + root, otherDistrict, base.plusSeconds(240)));
        events.add(lead("p5-" + root, district, base.plusSeconds(300)));
        events.add(lead("p7-" + root, town, base.plusSeconds(360)));
        events.add(lead("p6-" + root, town, base.plusSeconds(360)));
        publish(events);

        JsonNode first = awaitJson(() -> get("/api/projects?unitId=" + root + "&size=3"),
                p -> p.path("totalItems").asLong() == 7);
        assertThat(ids(first)).containsExactly("p6", "p7", "p5");
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(3);
        assertThat(first.path("items").get(0).path("unitId").asText()).isEqualTo(town);
        assertThat(ids(json(get("/api/projects?unitId=" + root + "&size=3&page=1")))).containsExactly("p4", "p3", "p2");
        assertThat(ids(json(get("/api/projects?unitId=" + root + "&size=3&page=2")))).containsExactly("p1");
        assertThat(ids(json(get("/api/projects?unitId=" + root + "&size=3&page=3")))).isEmpty();

        assertThat(ids(json(get("/api/projects?unitId=" + district)))).containsExactly("p6", "p7", "p5", "p3", "p2");
        assertThat(ids(json(get("/api/projects?unitId=" + district + "&includeSubunits=false")))).containsExactly("p5", "p2");
        assertThat(ids(json(get("/api/projects?unitId=" + root + "&includeSubunits=false")))).containsExactly("p1");
    }

    @Test
    void stageAndOverdueFilterTheList() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Instant at = Instant.parse("2030-02-01T00:00:00Z");
        ProjectStream late = new ProjectStream("late-" + root);
        ProjectStream recent = new ProjectStream("recent-" + root);
        publish(
                late.next(Facts.lead(late.projectId(), "逾期未开工", district, today.minusDays(300)), at),
                late.next(signing(late.projectId(), today.minusDays(181)), at.plusSeconds(1)),
                recent.next(Facts.lead(recent.projectId(), "新签约", district, today.minusDays(30)), at.plusSeconds(2)),
                recent.next(signing(recent.projectId(), today.minusDays(10)), at.plusSeconds(3)),
                lead("lead-" + root, district, at.plusSeconds(4)));

        awaitJson(() -> get("/api/projects?unitId=" + root), p -> p.path("totalItems").asLong() == 3);

        assertThat(ids(json(get("/api/projects?unitId=" + root + "&stage=SIGNED")))).containsExactly("recent", "late");
        assertThat(ids(json(get("/api/projects?unitId=" + root + "&stage=LEAD")))).containsExactly("lead");
        assertThat(ids(json(get("/api/projects?unitId=" + root + "&overdue=true")))).containsExactly("late");
        assertThat(ids(json(get("/api/projects?unitId=" + root + "&overdue=false")))).containsExactly("lead", "recent");
    }

    @ParameterizedTest
    @CsvSource({
            "stage=FOO, stage",
            "size=0, size",
            "size=201, size",
            "page=-1, page",
            "page=abc, page",
            "unitId=Not%20A%20Unit, unitId",
            "includeSubunits=maybe, includeSubunits",
            "overdue=sometimes, overdue"})
    void badParametersAre400ProblemsNamingTheParameter(String query, String field) {
        HttpResponse<String> response = get("/api/projects?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
    }

    private static ProjectSignedEvent signing(String projectId, LocalDate on) {
        return new ProjectSignedEvent(projectId, Money.cny("60000000"), null, new ResponsibleLeader("赵六", "副县长", null), on);
    }

    private EventMessage<?> lead(String projectId, String unitId, Instant recordedAt) {
        return new ProjectStream(projectId).next(Facts.lead(projectId, "项目 " + projectId, unitId,
                LocalDate.of(2024, 1, 5)), recordedAt);
    }

    /** The ids of a page's items, without the per-test suffix. */
    private List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("id").asText().replace("-" + root, ""))
                .toList();
    }
}
