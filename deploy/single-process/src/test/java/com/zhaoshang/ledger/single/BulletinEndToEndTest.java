package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulletin over HTTP only: facts recorded, an annual bulletin published at once (the publisher waits for the views
 * itself), its rows as stored in the event equal to the JSON and the XLSX; a backdated fact recorded later leaves it
 * unchanged and the verification still matches; the year close lists its consequences.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulletinEndToEndTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("bulletine2e");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

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
        if (http.get("admin", "/api/units/ye-d").status() == 200) {
            return;
        }
        created("admin", "/api/units", "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}");
        created("admin", "/api/units",
                "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\",\"parentId\":\"360800\",\"peerGroup\":\"district\"}");
        created("admin", "/api/units", "{\"id\":\"ye-a\",\"name\":\"甲镇\",\"kind\":\"TOWN\",\"parentId\":\"360802\",\"peerGroup\":\"ye-units\"}");
        created("admin", "/api/units", "{\"id\":\"ye-b\",\"name\":\"乙镇\",\"kind\":\"TOWN\",\"parentId\":\"360802\",\"peerGroup\":\"ye-units\"}");
        created("admin", "/api/units",
                "{\"id\":\"ye-d\",\"name\":\"区商务局\",\"kind\":\"DEPARTMENT\",\"parentId\":\"360802\",\"peerGroup\":\"ye-units\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("admin", "/api/units/ye-d").status() == 200);
    }

    @Test
    void anAnnualBulletinHoldsItsRowsAndCloseTheYear() throws Exception {
        for (int i = 0; i < 3; i++) {
            lead("ye-a", JAN_1.plusDays(10 + i));
        }
        lead("ye-b", JAN_1.plusDays(40));

        // published straight after the facts: the publisher waits until the views have processed them
        String id = created("admin", "/api/bulletins", """
                {"kind":"ANNUAL","title":"2025年度招商引资考核","peerGroup":"ye-units","from":"2025-01-01","to":"2025-12-31"}""");
        JsonNode stored = JSON.readTree(new String(jdbc.queryForObject(
                "SELECT payload FROM domainevententry WHERE aggregateidentifier = ?", byte[].class, id), StandardCharsets.UTF_8));
        assertThat(stored.path("rowsRecorded").asBoolean()).isTrue();
        JsonNode storedRows = stored.at("/ranking/rows");
        assertThat(storedRows).hasSize(3);
        assertThat(storedRows.findValuesAsText("unitId")).containsExactly("ye-a", "ye-b", "ye-d");
        assertThat(storedRows.get(0).at("/indicators/0/actual").decimalValue()).isEqualByComparingTo("3");

        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("leader", "/api/bulletins/" + id).status() == 200);
        JsonNode published = http.get("leader", "/api/bulletins/" + id).body();
        JsonNode rows = published.at("/ranking/rows");
        assertThat(rows).hasSize(storedRows.size());
        for (int r = 0; r < rows.size(); r++) {
            for (String field : List.of("rank", "unitId", "colour")) {
                assertThat(rows.get(r).path(field).asText()).as(field).isEqualTo(storedRows.get(r).path(field).asText());
            }
            assertThat(rows.get(r).path("score").decimalValue()).isEqualByComparingTo(storedRows.get(r).path("score").decimalValue());
            assertThat(rows.get(r).path("indicators")).hasSameSizeAs(storedRows.get(r).path("indicators"));
            for (int i = 0; i < rows.get(r).path("indicators").size(); i++) {
                for (String field : List.of("actual", "completion")) {
                    assertThat(rows.get(r).path("indicators").get(i).path(field).decimalValue())
                            .isEqualByComparingTo(storedRows.get(r).path("indicators").get(i).path(field).decimalValue());
                }
            }
        }
        assertThat(published.path("knownAt").asText()).isNotBlank();

        // the XLSX shows the same numbers as the event
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(sheet(id)))) {
            List<Row> cells = workbook.getFirstSheet().read();
            assertThat(cells.get(0).getCellText(2)).isEqualTo("排名");
            assertThat(cells).hasSize(1 + storedRows.size());
            for (int r = 0; r < storedRows.size(); r++) {
                Row line = cells.get(r + 1);
                assertThat(line.getCellText(0)).isEqualTo(storedRows.get(r).path("unitId").asText());
                assertThat(line.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo(storedRows.get(r).path("rank").decimalValue());
                assertThat(line.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(storedRows.get(r).path("score").decimalValue());
                assertThat(line.getCellAsNumber(6).orElseThrow())
                        .isEqualByComparingTo(storedRows.get(r).at("/indicators/0/actual").decimalValue());
            }
        }

        // a backdated fact recorded after publication changes the live ranking, never the bulletin
        for (int i = 0; i < 5; i++) {
            lead("ye-d", JAN_1.plusDays(100 + i));
        }
        String live = "/api/rankings?peerGroup=ye-units&from=2025-01-01&to=2025-12-31";
        await().atMost(Duration.ofSeconds(60)).until(() -> "ye-d".equals(http.get("leader", live).body().at("/rows/0/unitId").asText()));
        assertThat(http.get("leader", "/api/bulletins/" + id).body()).isEqualTo(published);
        JsonNode verification = http.get("inspector", "/api/audit/bulletins/" + id + "/verification").body();
        assertThat(verification.path("matches").asBoolean()).as(verification.toString()).isTrue();

        // the year close: the last (a department) writes a self-examination, and its post adjustment is proposed
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("leader", "/api/accountability?year=2025").body().size() >= 2);
        JsonNode consequences = http.get("leader", "/api/accountability?year=2025").body();
        List<String> found = new ArrayList<>();
        consequences.forEach(c -> found.add(c.path("unitId").asText() + ":" + c.path("consequence").asText()));
        assertThat(found).containsExactlyInAnyOrder("ye-d:SELF_EXAMINATION_REQUIRED", "ye-d:POST_ADJUSTMENT_PROPOSED");
        assertThat(consequences.get(0).path("bulletinId").asText()).isEqualTo(id);
        assertThat(http.get("front", "/api/accountability?year=2025").status()).isEqualTo(403);

        // a second annual bulletin of the same year appraises nothing again
        created("admin", "/api/bulletins", """
                {"kind":"ANNUAL","title":"2025年度考核(复)","peerGroup":"ye-units","from":"2025-01-01","to":"2025-12-31"}""");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                "annual-appraisal-ye-units-2025")).isEqualTo(3L);

        // one-vote veto: the final bulletin of a campaign of the year's targets disqualifies whoever missed one
        String campaignId = created("admin", "/api/campaigns", """
                {"name":"2025年全年任务","from":"2025-01-01","to":"2025-12-31","annual":true,"targets":[
                  {"unitId":"ye-a","indicator":"LEADS_COLLECTED","target":3},
                  {"unitId":"ye-b","indicator":"LEADS_COLLECTED","target":3}]}""");
        created("admin", "/api/bulletins", """
                {"kind":"CAMPAIGN_FINAL","title":"2025年全年任务 最终通报","campaignId":"%s","from":"2025-01-01","to":"2025-12-31"}"""
                .formatted(campaignId));
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("leader", "/api/accountability?year=2025").body().size() >= 3);
        List<JsonNode> vetoes = new ArrayList<>();
        http.get("inspector", "/api/accountability?year=2025").body().forEach(c -> {
            if (c.path("consequence").asText().equals("AWARDS_VETOED")) {
                vetoes.add(c);
            }
        });
        assertThat(vetoes).hasSize(1);
        assertThat(vetoes.get(0).path("unitId").asText()).isEqualTo("ye-b");
        assertThat(vetoes.get(0).path("rule").asText()).isEqualTo("ONE_VOTE_VETO");
        assertThat(vetoes.get(0).at("/detail/missed/0/indicator").asText()).isEqualTo("LEADS_COLLECTED");
        assertThat(vetoes.get(0).at("/detail/missed/0/actual").decimalValue()).isEqualByComparingTo("1");
        assertThat(vetoes.get(0).at("/detail/missed/0/target").decimalValue()).isEqualByComparingTo("3");
    }

    private byte[] sheet(String id) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bulletins/" + id))
                        .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "leader:leader-demo".getBytes(StandardCharsets.UTF_8)))
                        .GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private void lead(String unit, LocalDate on) {
        created("front", "/api/projects", """
                {"name":"招商信息","unitId":"%s","investor":{"name":"某某公司","kind":"PRIVATE"},"industryCode":"C3011","channel":"DOOR_TO_DOOR","occurredOn":"%s"}"""
                .formatted(unit, on));
    }

    private String created(String user, String path, String body) {
        LedgerHttp.Answer answer = http.post(user, path, body);
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(201);
        return answer.body().get("id").asText();
    }
}
