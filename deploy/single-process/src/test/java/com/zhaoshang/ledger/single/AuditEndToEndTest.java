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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inspectors' bitemporal routes through the whole single process (issue 5, items 2 and 3): HTTP commands → event
 * store → projections → {@code GET /api/audit/projects/{id}/state?asOf=} and {@code GET /api/audit/late-entries}.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditEndToEndTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("e2eaudit");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
        if (http.get("admin", "/api/units/360802").status() == 200) {
            return;
        }
        assertThat(http.post("admin", "/api/units",
                "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status()).isEqualTo(201);
        assertThat(http.post("admin", "/api/units",
                "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\",\"parentId\":\"360800\",\"peerGroup\":\"district\"}")
                .status()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> http.get("admin", "/api/units/360802").status() == 200);
    }

    @Test
    void itsStateAsOfAnInstantBetweenTwoFactsShowsTheFirstAndNotTheSecond() {
        String id = lead("吉州某某新能源有限公司", "2026-03-02");
        Instant firstRecordedAt = Instant.parse(
                http.get("inspector", "/api/audit/projects/" + id + "/events").body().at("/events/0/recordedAt").asText());
        // the pause between the two recordings: the second is recorded strictly after the first
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(firstRecordedAt.plusMillis(5)));
        assertThat(http.post("front", "/api/projects/" + id + "/negotiation", "{\"occurredOn\":\"2026-03-10\"}").status())
                .isBetween(200, 202);
        await().atMost(PATIENCE).until(() ->
                "NEGOTIATING".equals(http.get("leader", "/api/projects/" + id).body().path("stage").asText()));

        LedgerHttp.Answer between = http.get("inspector", "/api/audit/projects/" + id + "/state?asOf=" + firstRecordedAt);
        LedgerHttp.Answer now = http.get("inspector", "/api/audit/projects/" + id + "/state?asOf=" + Instant.now());

        assertThat(between.status()).isEqualTo(200);
        assertThat(between.body().get("stage").asText()).isEqualTo("LEAD");
        assertThat(between.body().at("/milestones/leadOn").asText()).isEqualTo("2026-03-02");
        assertThat(between.body().at("/milestones/negotiationOn").isMissingNode()).isTrue();
        assertThat(between.body().get("eventsReplayed").asInt()).isEqualTo(1);
        assertThat(between.body().get("lastSequence").asLong()).isZero();
        assertThat(now.body().get("stage").asText()).isEqualTo("NEGOTIATING");
        JsonNode nowProject = now.body().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) nowProject).remove(List.of("asOf", "eventsReplayed", "lastSequence"));
        assertThat(nowProject).isEqualTo(http.get("leader", "/api/projects/" + id).body());
        assertThat(http.get("inspector", "/api/audit/projects/" + id + "/state?asOf=" + firstRecordedAt.minusSeconds(1))
                .status()).isEqualTo(404);
    }

    @Test
    void aFactBackdatedIntoAPublishedBulletinsPeriodIsALateEntryNamingThatBulletin() {
        LedgerHttp.Answer published = http.post("admin", "/api/bulletins",
                "{\"title\":\"一季度区县招商引资通报\",\"peerGroup\":\"district\",\"from\":\"2026-01-01\",\"to\":\"2026-03-31\"}");
        assertThat(published.status()).as(published.raw().body()).isEqualTo(201);
        String bulletinId = published.body().get("id").asText();

        String backdated = lead("吉州某某补录材料有限公司", "2026-03-20");

        JsonNode entry = awaitLateEntry(backdated);
        assertThat(entry.get("type").asText()).isEqualTo("LeadRegisteredEvent");
        assertThat(entry.get("unitId").asText()).isEqualTo("360802");
        assertThat(entry.get("occurredOn").asText()).isEqualTo("2026-03-20");
        assertThat(entry.get("lagDays").asInt()).isPositive();
        assertThat(entry.at("/actor/userId").asText()).isEqualTo("front");
        List<String> bulletins = new ArrayList<>();
        entry.get("afterBulletins").forEach(b -> bulletins.add(b.get("bulletinId").asText()));
        assertThat(bulletins).contains(bulletinId);
        JsonNode bulletin = entry.get("afterBulletins").get(bulletins.indexOf(bulletinId));
        assertThat(bulletin.get("title").asText()).isEqualTo("一季度区县招商引资通报");
        assertThat(bulletin.get("from").asText()).isEqualTo("2026-01-01");
        assertThat(bulletin.get("to").asText()).isEqualTo("2026-03-31");
        assertThat(Instant.parse(bulletin.get("publishedAt").asText()))
                .isBefore(Instant.parse(entry.get("recordedAt").asText()));
    }

    @Test
    void onlyInspectorsAndAdminsMayReadThem() {
        String id = lead("吉州某某权限测试有限公司", "2026-03-05");
        for (String path : List.of("/api/audit/projects/" + id + "/state?asOf=" + Instant.now(), "/api/audit/late-entries")) {
            assertThat(http.get(null, path).status()).as(path).isEqualTo(401);
            for (String user : List.of("front", "verifier", "leader")) {
                LedgerHttp.Answer refused = http.get(user, path);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            assertThat(http.get("inspector", path).status()).as(path).isEqualTo(200);
            assertThat(http.get("admin", path).status()).as(path).isEqualTo(200);
        }
        JsonNode accesses = http.get("inspector", "/api/audit/access-log?size=50").body().get("accesses");
        List<String> logged = new ArrayList<>();
        accesses.forEach(a -> logged.add(a.get("userId").asText() + " " + a.get("route").asText() + " " + a.get("outcome").asText()));
        assertThat(logged).contains("leader /api/audit/late-entries DENIED", "inspector /api/audit/late-entries GRANTED",
                "front /api/audit/projects/" + id + "/state DENIED", "admin /api/audit/projects/" + id + "/state GRANTED");
    }

    private JsonNode awaitLateEntry(String projectId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            LedgerHttp.Answer page = http.get("inspector", "/api/audit/late-entries?unitId=360802&size=500");
            if (page.status() != 200) {
                return false;
            }
            for (JsonNode entry : page.body().get("entries")) {
                if (projectId.equals(entry.path("projectId").asText()) && !entry.get("afterBulletins").isEmpty()) {
                    found[0] = entry;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** A lead of the front office's district, declared for {@code occurredOn}; its id once the view shows it. */
    private String lead(String investor, String occurredOn) {
        LedgerHttp.Answer created = http.post("front", "/api/projects", """
                {"name":"%s项目","unitId":"360802","investor":{"name":"%s","kind":"PRIVATE"},
                 "industryCode":"C3011","channel":"DOOR_TO_DOOR",
                 "intendedAmount":{"amount":"120000000","currency":"CNY"},"occurredOn":"%s"}"""
                .formatted(investor, investor + UUID.randomUUID().toString().substring(0, 4), occurredOn),
                "Idempotency-Key", "audit-" + UUID.randomUUID());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.body().get("id").asText();
        await().atMost(PATIENCE).until(() -> http.get("leader", "/api/projects/" + id).status() == 200);
        return id;
    }
}
