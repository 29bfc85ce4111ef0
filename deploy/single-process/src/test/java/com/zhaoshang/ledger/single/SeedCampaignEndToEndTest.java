package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seed 003 (百日会战, 1 July – 30 September 2012) recorded through the REST API by the demo users, then read back:
 * 171/358 = 47.8%, 57/720 = 7.9%, 93/192 = 48.4% (the report's 48.3% is its author's slip), 12/55 = 21.8%,
 * 3/26 = 11.5%; and the second report's verified capital, 5.3亿 of 5亿 CNY = 106%, 1599万 of 2000万 USD = 80%.
 * The facts sit in three towns of the district, so the district's figures are its towns' totals.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedCampaignEndToEndTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("seed003");
    private static final LocalDate JULY_1 = LocalDate.of(2012, 7, 1);
    private static final LocalDate SEPT_30 = LocalDate.of(2012, 9, 30);
    private static final List<String> TOWNS = List.of("360802100", "360802101", "360802102");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    LedgerHttp http;

    @BeforeEach
    void units() {
        http = new LedgerHttp(port);
        if (http.get("admin", "/api/units/360802102").status() == 200) {
            return;
        }
        created("admin", "/api/units", "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}");
        created("admin", "/api/units",
                "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\",\"parentId\":\"360800\",\"peerGroup\":\"district\"}");
        for (String town : TOWNS) {
            created("admin", "/api/units", "{\"id\":\"%s\",\"name\":\"镇 %s\",\"kind\":\"TOWN\",\"parentId\":\"360802\",\"peerGroup\":\"towns\"}"
                    .formatted(town, town));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("admin", "/api/units/360802102").status() == 200);
    }

    @Test
    void theHundredDayCampaignComesOutAsTheSeedTable() {
        for (int i = 0; i < 171; i++) {
            lead(town(i), "F5100", inWindow(i));
        }
        for (int i = 0; i < 9; i++) {
            lead(town(i), "F5100", JULY_1.minusDays(1 + i));
        }
        for (int i = 0; i < 57; i++) {
            activity(town(i), "COMPANY_VISIT", inWindow(i));
        }
        for (int i = 0; i < 93; i++) {
            activity(town(i), "INVESTOR_INSPECTION", inWindow(i));
        }
        for (int i = 0; i < 10; i++) {
            activity(town(i), "PROMOTION_EVENT", inWindow(i));
        }
        // 16 signed for 9.29亿: 12 industrial ≥ 5000万 (one of 1.4亿), 2 industrial below, 2 not industrial
        List<String> signed = new ArrayList<>();
        signed.add(signedProject(0, "C2710", "140000000", inWindow(3)));
        for (int i = 1; i < 12; i++) {
            signed.add(signedProject(i, "C3" + (30 + i), "55000000", inWindow(7 * i)));
        }
        signed.add(signedProject(12, "C3011", "32000000", inWindow(40)));
        signed.add(signedProject(13, "D4411", "32000000", inWindow(41)));
        signed.add(signedProject(14, "K7010", "60000000", inWindow(50)));
        signed.add(signedProject(15, "F5100", "60000000", inWindow(60)));
        // presented again at a later ceremony: never a second signing
        ok("front", "/api/projects/" + signed.get(0) + "/signing", signing("140000000", "金秋招商签约会", inWindow(80)));
        String early = signedProject(20, "C3011", "90000000", JULY_1.minusDays(30));
        ok("front", "/api/projects/" + signed.get(1) + "/construction-start", occurred(inWindow(70)));
        ok("front", "/api/projects/" + signed.get(2) + "/construction-start", occurred(inWindow(71)));
        ok("front", "/api/projects/" + early + "/construction-start", occurred(inWindow(5)));

        String campaignId = created("admin", "/api/campaigns", """
                {"name": "百日会战", "from": "2012-07-01", "to": "2012-09-30", "targets": [
                  {"unitId": "360802", "indicator": "LEADS_COLLECTED", "target": 358},
                  {"unitId": "360802", "indicator": "COMPANIES_VISITED", "target": 720},
                  {"unitId": "360802", "indicator": "INVESTOR_INSPECTIONS", "target": 192},
                  {"unitId": "360802", "indicator": "PROJECTS_SIGNED", "target": 55,
                   "filter": {"industrial": true, "minAmount": {"amount": "50000000", "currency": "CNY"}}},
                  {"unitId": "360802", "indicator": "CONSTRUCTION_STARTED", "target": 26},
                  {"unitId": "360802", "indicator": "SIGNED_AMOUNT", "target": "929000000"}
                ]}""");

        JsonNode progress = awaitProgress(campaignId, "CONSTRUCTION_STARTED", "3");
        assertRow(progress, "LEADS_COLLECTED", "171", "0.478");
        assertRow(progress, "COMPANIES_VISITED", "57", "0.079");
        assertRow(progress, "INVESTOR_INSPECTIONS", "93", "0.484");
        assertRow(progress, "PROJECTS_SIGNED", "12", "0.218");
        assertRow(progress, "CONSTRUCTION_STARTED", "3", "0.115");
        assertRow(progress, "SIGNED_AMOUNT", "929000000.00", "1.000");

        // the answer is written with three decimals, as the seed's table reads
        assertThat(http.get("leader", "/api/campaigns/" + campaignId + "/progress").raw().body())
                .contains("\"completion\":0.484").contains("\"completion\":1.000");

        JsonNode ranking = http.get("leader", "/api/rankings?peerGroup=towns&from=2012-07-01&to=2012-09-30").body();
        assertThat(ranking.get("rows")).hasSize(3);
        JsonNode conversion = http.get("leader", "/api/conversion?unitId=360802&from=2012-07-01&to=2012-09-30").body();
        assertThat(conversion.get("signedProjects").asInt()).isEqualTo(16);
    }

    @Test
    void theSecondReportCountsVerifiedCapitalOnlyCurrenciesApart() {
        String cny = signedProjectIn("360802100", "C3011", "{\"amount\":\"1180000000\",\"currency\":\"CNY\"}", LocalDate.of(2012, 2, 1), false);
        String[] reported = {"300000000", "400000000", "260000000", "300000000"};
        String[] verified = {"200000000", "230000000", null, "100000000"};
        for (int i = 0; i < reported.length; i++) {
            String arrival = arrival(cny, "{\"amount\":\"%s\",\"currency\":\"CNY\"}".formatted(reported[i]), LocalDate.of(2012, 3 + 2 * i, 10));
            if (verified[i] != null) {
                ok("verifier", "/api/projects/" + cny + "/capital-arrivals/" + arrival + "/verification",
                        "{\"verifiedAmount\":{\"amount\":\"%s\",\"currency\":\"CNY\"},\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"进账单-%d\"},\"occurredOn\":\"2012-11-20\"}"
                                .formatted(verified[i], i));
            }
        }
        String usd = signedProjectIn("360802", "C3989", "{\"amount\":\"45000000\",\"currency\":\"USD\"}", LocalDate.of(2011, 12, 1), true);
        String[][] usdArrivals = {{"9990000", "2011-12-20", "2012-01-05"}, {"12000000", "2012-06-01", "2012-06-20"},
                {"3990000", "2012-10-01", "2012-10-20"}, {"1000000", "2012-11-02", null}};
        for (String[] a : usdArrivals) {
            String arrival = arrival(usd, "{\"amount\":\"%s\",\"currency\":\"USD\"}".formatted(a[0]), LocalDate.parse(a[1]));
            if (a[2] != null) {
                ok("verifier", "/api/projects/" + usd + "/capital-arrivals/" + arrival + "/verification",
                        "{\"verifiedAmount\":{\"amount\":\"%s\",\"currency\":\"USD\"},\"evidence\":{\"kind\":\"FOREIGN_EXCHANGE_RECORD\",\"reference\":\"外汇-%s\"},\"occurredOn\":\"%s\"}"
                                .formatted(a[0], a[1], a[2]));
            }
        }
        String campaignId = created("admin", "/api/campaigns", """
                {"name": "2012年全年任务", "from": "2012-01-01", "to": "2012-12-31", "targets": [
                  {"unitId": "360802", "indicator": "CAPITAL_VERIFIED_CNY", "target": "500000000"},
                  {"unitId": "360802", "indicator": "CAPITAL_VERIFIED_USD", "target": "20000000", "currency": "USD"}
                ]}""");

        JsonNode progress = awaitProgress(campaignId, "CAPITAL_VERIFIED_USD", "15990000.00");
        assertRow(progress, "CAPITAL_VERIFIED_CNY", "530000000.00", "1.060");
        assertRow(progress, "CAPITAL_VERIFIED_USD", "15990000.00", "0.800");
    }

    @Test
    void aBulletinStaysAsPublishedWhenLateFactsArrive() throws Exception {
        LocalDate from = LocalDate.of(2013, 1, 1);
        for (int i = 0; i < 3; i++) {
            lead(TOWNS.get(0), "C3011", from.plusDays(i));
        }
        lead(TOWNS.get(1), "C3011", from.plusDays(5));
        String first = "/api/rankings?peerGroup=towns&from=2013-01-01&to=2013-03-31";
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TOWNS.get(0).equals(http.get("leader", first).body().at("/rows/0/unitId").asText())
                        && http.get("leader", first).body().at("/rows/1/indicators/0/actual").asInt() == 1);
        String id = created("admin", "/api/bulletins",
                "{\"title\":\"一季度招商引资通报\",\"peerGroup\":\"towns\",\"from\":\"2013-01-01\",\"to\":\"2013-03-31\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("leader", "/api/bulletins/" + id).status() == 200);
        JsonNode published = http.get("leader", "/api/bulletins/" + id).body();
        assertThat(published.at("/ranking/rows/0/unitId").asText()).isEqualTo(TOWNS.get(0));

        // late entries for the quarter, recorded after the bulletin: the live ranking changes, the bulletin does not
        for (int i = 0; i < 5; i++) {
            lead(TOWNS.get(1), "C3011", from.plusDays(40 + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TOWNS.get(1).equals(http.get("leader", first).body().at("/rows/0/unitId").asText()));
        assertThat(http.get("leader", "/api/bulletins/" + id).body()).isEqualTo(published);
        assertThat(http.get("leader", "/api/bulletins").body().findValuesAsText("id")).contains(id);

        java.net.http.HttpResponse<byte[]> sheet = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/bulletins/" + id))
                        .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "leader:leader-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(new String(sheet.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    private JsonNode awaitProgress(String campaignId, String indicator, String actual) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            LedgerHttp.Answer answer = http.get("leader", "/api/campaigns/" + campaignId + "/progress");
            return answer.status() == 200 && row(answer.body(), indicator).path("actual").decimalValue()
                    .compareTo(new java.math.BigDecimal(actual)) == 0;
        });
        // one more read after the last awaited fact: everything recorded before it is in
        return http.get("leader", "/api/campaigns/" + campaignId + "/progress").body();
    }

    private static void assertRow(JsonNode progress, String indicator, String actual, String completion) {
        JsonNode row = row(progress, indicator);
        assertThat(row.path("actual").decimalValue()).as(indicator).isEqualByComparingTo(actual);
        assertThat(row.path("completion").decimalValue()).as(indicator).isEqualByComparingTo(completion);
    }

    private static JsonNode row(JsonNode progress, String indicator) {
        for (JsonNode row : progress.path("units")) {
            if (row.path("indicator").asText().equals(indicator) && !row.path("rollup").asBoolean()) {
                return row;
            }
        }
        throw new AssertionError("no row for " + indicator + " in " + progress);
    }

    private String town(int i) {
        return TOWNS.get(i % TOWNS.size());
    }

    private static LocalDate inWindow(int i) {
        return JULY_1.plusDays(i % 92);
    }

    private String signedProject(int i, String industry, String amount, LocalDate on) {
        return signedProjectIn(town(i), industry, "{\"amount\":\"%s\",\"currency\":\"CNY\"}".formatted(amount), on, false);
    }

    private String signedProjectIn(String unit, String industry, String contract, LocalDate on, boolean foreign) {
        String investor = foreign ? "{\"name\":\"Overseas Holdings Ltd\",\"country\":\"SG\",\"kind\":\"FOREIGN\"}"
                : "{\"name\":\"某某实业有限公司\",\"kind\":\"PRIVATE\"}";
        String id = created("front", "/api/projects", """
                {"name":"招商项目","unitId":"%s","investor":%s,"industryCode":"%s","channel":"DOOR_TO_DOOR","occurredOn":"%s"}"""
                .formatted(unit, investor, industry, on.minusDays(200)));
        ok("front", "/api/projects/" + id + "/signing", """
                {"contractAmount":%s,"ceremony":"百日会战集中签约会","responsibleLeader":{"name":"肖兵","title":"区长"},"occurredOn":"%s"}"""
                .formatted(contract, on));
        return id;
    }

    private static String signing(String amount, String ceremony, LocalDate on) {
        return """
                {"contractAmount":{"amount":"%s","currency":"CNY"},"ceremony":"%s","responsibleLeader":{"name":"肖兵","title":"区长"},"occurredOn":"%s"}"""
                .formatted(amount, ceremony, on);
    }

    private void lead(String unit, String industry, LocalDate on) {
        created("front", "/api/projects", """
                {"name":"招商信息","unitId":"%s","investor":{"name":"某某公司","kind":"PRIVATE"},"industryCode":"%s","channel":"DOOR_TO_DOOR","occurredOn":"%s"}"""
                .formatted(unit, industry, on));
    }

    private void activity(String unit, String kind, LocalDate on) {
        created("front", "/api/activities", "{\"unitId\":\"%s\",\"kind\":\"%s\",\"subject\":\"客商活动\",\"occurredOn\":\"%s\"}"
                .formatted(unit, kind, on));
    }

    private String arrival(String projectId, String amount, LocalDate on) {
        return created("front", "/api/projects/" + projectId + "/capital-arrivals",
                "{\"amount\":%s,\"occurredOn\":\"%s\"}".formatted(amount, on));
    }

    private static String occurred(LocalDate on) {
        return "{\"occurredOn\":\"" + on + "\"}";
    }

    private String created(String user, String path, String body) {
        LedgerHttp.Answer answer = http.post(user, path, body);
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private void ok(String user, String path, String body) {
        LedgerHttp.Answer answer = http.post(user, path, body);
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isBetween(200, 201);
    }
}
