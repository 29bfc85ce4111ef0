package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path in the single-process packaging: HTTP → command bus → PostgreSQL event store → projection → HTTP.
 * A project is carried from lead to production by the demo users, read back through the query API, and its stored
 * events and their metadata are checked in the database.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectLedgerEndToEndTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("e2e");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    LedgerHttp http;

    @BeforeEach
    void units() {
        http = new LedgerHttp(port);
        if (http.get("admin", "/api/units/360800").status() == 200) {
            return;
        }
        assertThat(http.post("admin", "/api/units",
                "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status()).isEqualTo(201);
        assertThat(http.post("admin", "/api/units",
                "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\",\"parentId\":\"360800\",\"peerGroup\":\"district\"}")
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("admin", "/api/units/360802").status() == 200);
    }

    @Test
    void aProjectFromLeadToProductionIsStoredWithItsOwnersAndReadBack() throws Exception {
        LedgerHttp.Answer created = http.post("front", "/api/projects", lead("江西赣新材料有限公司", "91360802MA38K2PQ11"),
                "Idempotency-Key", "lead-" + UUID.randomUUID());
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/projects/" + id);

        step("front", id, "negotiation", "{\"occurredOn\":\"2026-03-10\"}");
        step("front", id, "intent", "{\"amount\":{\"amount\":\"100000000\",\"currency\":\"CNY\"},\"occurredOn\":\"2026-03-20\"}");
        step("front", id, "signing", """
                {"contractAmount":{"amount":"92900000.00","currency":"CNY"},"ceremony":"2026年春季重大项目集中签约会",
                 "responsibleLeader":{"name":"张伟","title":"副区长"},"occurredOn":"2026-04-01"}""");
        step("verifier", id, "registration",
                "{\"evidence\":{\"kind\":\"CONTRACT_DOCUMENTS\",\"reference\":\"JZ-2026-017\"},\"occurredOn\":\"2026-04-08\"}");
        step("front", id, "land", "{\"parcelId\":\"JZ2026-05\",\"areaMu\":\"85.5\",\"occurredOn\":\"2026-05-06\"}");
        step("front", id, "construction-start", "{\"occurredOn\":\"2026-05-20\"}");
        LedgerHttp.Answer arrival = http.post("front", "/api/projects/" + id + "/capital-arrivals",
                "{\"amount\":{\"amount\":\"30000000\",\"currency\":\"CNY\"},\"occurredOn\":\"2026-06-15\"}");
        assertThat(arrival.status()).isEqualTo(201);
        String arrivalId = arrival.body().get("id").asText();
        assertThat(arrival.header("Location")).endsWith("/api/projects/" + id + "/capital-arrivals/" + arrivalId);
        step("verifier", id, "capital-arrivals/" + arrivalId + "/verification",
                "{\"verifiedAmount\":{\"amount\":\"28000000\",\"currency\":\"CNY\"},"
                        + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"ICBC-20260615-88\"}}");
        step("front", id, "completion", "{\"occurredOn\":\"2026-09-30\"}");
        step("front", id, "production-start", "{\"occurredOn\":\"2026-10-18\"}");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "IN_PRODUCTION".equals(http.get("leader", "/api/projects/" + id).body().path("stage").asText()));
        JsonNode project = http.get("leader", "/api/projects/" + id).body();
        assertThat(project.get("unitId").asText()).isEqualTo("360802");
        assertThat(project.get("registered").asBoolean()).isTrue();
        assertThat(new java.math.BigDecimal(project.at("/contractAmount/amount").asText())).isEqualByComparingTo("92900000.00");
        assertThat(project.at("/responsibleLeader/name").asText()).isEqualTo("张伟");
        assertThat(new java.math.BigDecimal(project.at("/capital/reported/CNY").asText())).isEqualByComparingTo("30000000");
        assertThat(new java.math.BigDecimal(project.at("/capital/verified/CNY").asText())).isEqualByComparingTo("28000000");
        assertThat(project.at("/milestones/productionStartedOn").asText()).isEqualTo("2026-10-18");

        JsonNode page = http.get("leader", "/api/projects?unitId=360800&stage=IN_PRODUCTION").body();
        assertThat(page.get("items").findValuesAsText("id")).contains(id);

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT payloadtype, metadata, timestamp FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", id);
        assertThat(events).extracting(e -> e.get("payloadtype").toString().replaceAll(".*\\.", "")).containsExactly(
                "LeadRegisteredEvent", "NegotiationStartedEvent", "IntentAgreementSignedEvent", "ProjectSignedEvent",
                "ProjectRegisteredEvent", "LandAssignedEvent", "ConstructionStartedEvent", "CapitalArrivedEvent",
                "CapitalVerifiedEvent", "ConstructionCompletedEvent", "ProductionStartedEvent");
        for (Map<String, Object> event : events) {
            JsonNode metaData = JSON.readTree((byte[]) event.get("metadata"));
            String type = event.get("payloadtype").toString();
            boolean verified = type.endsWith("ProjectRegisteredEvent") || type.endsWith("CapitalVerifiedEvent");
            assertThat(metaData.get("userId").asText()).isEqualTo(verified ? "verifier" : "front");
            assertThat(metaData.get("role").asText()).isEqualTo(verified ? "VERIFIER" : "FRONT_OFFICE");
            assertThat(metaData.get("unitId").asText()).isEqualTo(verified ? "360800" : "360802");
            assertThat(event.get("timestamp").toString()).isNotBlank();
        }
    }

    @Test
    void anIllegalTransitionAnswers409ProblemAndStoresNothing() {
        String id = http.post("front", "/api/projects", lead("赣州某某电子有限公司", null)).body().get("id").asText();
        long before = countEvents(id);

        LedgerHttp.Answer refused = http.post("front", "/api/projects/" + id + "/construction-start",
                "{\"occurredOn\":\"2026-05-20\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).endsWith("illegal-transition");
        assertThat(refused.body().get("detail").asText()).isNotBlank();
        assertThat(countEvents(id)).isEqualTo(before);
    }

    @Test
    void aReplayedIdempotencyKeyStoresOneEventAndAnswersTheSame() {
        String key = "walkthrough-" + UUID.randomUUID();
        String body = lead("南昌某某医药有限公司", null);
        LedgerHttp.Answer first = http.post("front", "/api/projects", body, "Idempotency-Key", key);
        LedgerHttp.Answer again = http.post("front", "/api/projects", body, "Idempotency-Key", key);
        LedgerHttp.Answer other = http.post("front", "/api/projects", lead("另一家公司", null), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(countEvents(first.body().get("id").asText())).isEqualTo(1);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownIdsAndRoutesAnswerProblemJsonInTheCombinedProcess() {
        // In one process the command side's advice displaces Boot's problem handler: the query side must answer itself.
        for (String path : List.of("/api/projects/" + UUID.randomUUID(), "/api/campaigns/" + UUID.randomUUID() + "/progress",
                "/api/bulletins/" + UUID.randomUUID(), "/api/no-such-route")) {
            LedgerHttp.Answer answer = http.get("leader", path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.body().get("type").asText()).as(path).startsWith("/problems/");
        }
        LedgerHttp.Answer badRanking = http.get("leader", "/api/rankings?peerGroup=district");
        assertThat(badRanking.status()).isEqualTo(400);
        assertThat(badRanking.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theSchemaHoldsNoLargeObjects() {
        http.post("front", "/api/projects", lead("吉安某某机械有限公司", null));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND data_type = 'oid'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'domainevententry' AND column_name = 'payload'", String.class)).isEqualTo("bytea");
    }

    private void step(String user, String id, String route, String body) {
        LedgerHttp.Answer answer = http.post(user, "/api/projects/" + id + "/" + route, body);
        assertThat(answer.status()).as(route + ": " + answer.raw().body()).isBetween(200, 201);
    }

    private long countEvents(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, aggregateId);
    }

    private static String lead(String investor, String creditCode) {
        return """
                {"name":"%s年产5万吨新材料项目","unitId":"360802",
                 "investor":{"name":"%s",%s"kind":"PRIVATE"},
                 "industryCode":"C3011","channel":"DOOR_TO_DOOR",
                 "intendedAmount":{"amount":"120000000","currency":"CNY"},"occurredOn":"2026-03-02"}"""
                .formatted(investor, investor, creditCode == null ? "" : "\"creditCode\":\"" + creditCode + "\",");
    }
}
