package com.zhaoshang.ledger.command.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/campaigns}: admins only, 201 with Location, problem+json for bad input, nothing stored when refused. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.users[0].username=admin",
                "ledger.security.users[0].password={noop}admin-pw",
                "ledger.security.users[0].role=ADMIN",
                "ledger.security.users[0].unit-id=360800",
                "ledger.security.users[1].username=leader",
                "ledger.security.users[1].password={noop}leader-pw",
                "ledger.security.users[1].role=LEADER",
                "ledger.security.users[1].unit-id=360800",
        })
@org.springframework.context.annotation.Import(CampaignCommandWebTest.StubRankings.class)
class CampaignCommandWebTest {

    /** The query side's answer to a bulletin's ranking, stubbed: a peer group "behind" stands for views that did not catch up. */
    @org.springframework.boot.test.context.TestConfiguration
    static class StubRankings {

        @org.springframework.context.annotation.Bean
        StubRankingHandler stubRankingHandler() {
            return new StubRankingHandler();
        }
    }

    static class StubRankingHandler {

        @org.axonframework.queryhandling.QueryHandler
        public com.zhaoshang.ledger.api.campaign.BulletinRanking handle(com.zhaoshang.ledger.api.campaign.FetchRankingQuery query) {
            if ("behind".equals(query.peerGroup())) {
                throw new IllegalStateException("the views are behind");
            }
            return new com.zhaoshang.ledger.api.campaign.BulletinRanking(query.knownAt(), null, null, java.math.BigDecimal.ONE,
                    null, java.util.List.of(BulletinTest.row(1, "360802", "0.5000", "YELLOW")));
        }
    }

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("campaignweb");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    record Answer(int status, String contentType, String location, JsonNode body) {
    }

    @BeforeEach
    void units() throws Exception {
        if (jdbc.queryForObject("SELECT count(*) FROM unit_directory WHERE unit_id = '360800'", Long.class) == 0) {
            assertThat(post("admin", "/api/units", "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status())
                    .isEqualTo(201);
            assertThat(post("admin", "/api/units", "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\",\"parentId\":\"360800\",\"peerGroup\":\"district\"}").status())
                    .isEqualTo(201);
        }
    }

    private static final String SEED_CAMPAIGN = """
            {"name": "百日会战", "from": "2012-07-01", "to": "2012-09-30", "targets": [
              {"unitId": "360802", "indicator": "LEADS_COLLECTED", "target": 358},
              {"unitId": "360802", "indicator": "PROJECTS_SIGNED", "target": "55",
               "filter": {"industrial": true, "minAmount": {"amount": "50000000", "currency": "CNY"}}},
              {"unitId": "360802", "indicator": "CAPITAL_VERIFIED_USD", "target": "20000000.00"}
            ]}""";

    @Test
    void anAdminDefinesACampaign() throws Exception {
        Answer answer = post("admin", "/api/campaigns", SEED_CAMPAIGN);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String id = answer.body().get("id").asText();
        assertThat(answer.location()).isEqualTo("/api/campaigns/" + id);
        assertThat(events(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT date_to FROM campaign_window WHERE campaign_id = ?", java.time.LocalDate.class, id))
                .isEqualTo(java.time.LocalDate.of(2012, 9, 30));
    }

    @Test
    void onlyAdminsDefineCampaigns() throws Exception {
        long before = allEvents();
        assertThat(post("leader", "/api/campaigns", SEED_CAMPAIGN).status()).isEqualTo(403);
        assertThat(post(null, "/api/campaigns", SEED_CAMPAIGN).status()).isEqualTo(401);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void malformedCampaignsAreProblemsAndStoreNothing() throws Exception {
        long before = allEvents();
        Answer noTargets = post("admin", "/api/campaigns", "{\"name\":\"x\",\"from\":\"2012-07-01\",\"to\":\"2012-09-30\",\"targets\":[]}");
        assertThat(noTargets.status()).isEqualTo(400);
        assertThat(noTargets.contentType()).startsWith("application/problem+json");
        Answer badIndicator = post("admin", "/api/campaigns", SEED_CAMPAIGN.replace("LEADS_COLLECTED", "LEADS"));
        assertThat(badIndicator.status()).isEqualTo(400);
        Answer badDate = post("admin", "/api/campaigns", SEED_CAMPAIGN.replace("2012-07-01", "2012-7-1"));
        assertThat(badDate.status()).isEqualTo(400);
        Answer negative = post("admin", "/api/campaigns", SEED_CAMPAIGN.replace("358", "-358"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void businessRefusalsAre422And409AndStoreNothing() throws Exception {
        long before = allEvents();
        Answer reversed = post("admin", "/api/campaigns", SEED_CAMPAIGN.replace("\"2012-09-30\"", "\"2012-06-30\""));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(422);
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        Answer fractional = post("admin", "/api/campaigns", SEED_CAMPAIGN.replace("358", "358.5"));
        assertThat(fractional.status()).isEqualTo(422);
        Answer unknownUnit = post("admin", "/api/campaigns", SEED_CAMPAIGN.replace("360802", "360899"));
        assertThat(unknownUnit.status()).isEqualTo(422);
        Answer wrongCurrency = post("admin", "/api/campaigns",
                SEED_CAMPAIGN.replace("\"target\": \"20000000.00\"}", "\"target\": \"20000000.00\", \"currency\": \"CNY\"}"));
        assertThat(wrongCurrency.status()).isEqualTo(422);
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void anAdminPublishesABulletinOnDemand() throws Exception {
        Answer answer = post("admin", "/api/bulletins",
                "{\"title\":\"三季度招商引资通报\",\"peerGroup\":\"district\",\"from\":\"2012-07-01\",\"to\":\"2012-09-30\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String id = answer.body().get("id").asText();
        assertThat(answer.location()).isEqualTo("/api/bulletins/" + id);
        assertThat(events(id)).isEqualTo(1);
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?",
                byte[].class, id), StandardCharsets.UTF_8)).contains("\"rowsRecorded\":true").contains("\"unitId\":\"360802\"");
        long before = allEvents();
        Answer behind = post("admin", "/api/bulletins",
                "{\"title\":\"x\",\"peerGroup\":\"behind\",\"from\":\"2012-07-01\",\"to\":\"2012-09-30\"}");
        assertThat(behind.status()).as(behind.toString()).isEqualTo(503);
        assertThat(behind.contentType()).startsWith("application/problem+json");
        assertThat(behind.body().get("type").asText()).endsWith("/problems/unavailable");
        assertThat(post("leader", "/api/bulletins",
                "{\"title\":\"x\",\"peerGroup\":\"district\",\"from\":\"2012-07-01\",\"to\":\"2012-09-30\"}").status())
                .isEqualTo(403);
        Answer weekly = post("admin", "/api/bulletins",
                "{\"kind\":\"WEEKLY\",\"title\":\"快报\",\"peerGroup\":\"district\",\"from\":\"2012-07-03\",\"to\":\"2012-07-09\"}");
        assertThat(weekly.status()).isEqualTo(422);
        assertThat(post("admin", "/api/bulletins", "{\"title\":\"x\",\"from\":\"2012-07-01\"}").status()).isEqualTo(400);
        assertThat(allEvents()).isEqualTo(before);
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, aggregateId);
    }

    private long allEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private Answer post(String user, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            String credentials = user + ":" + user + "-pw";
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String text = response.body();
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Location").orElse(null),
                text == null || text.isBlank() ? null : JSON.readTree(text));
    }
}
