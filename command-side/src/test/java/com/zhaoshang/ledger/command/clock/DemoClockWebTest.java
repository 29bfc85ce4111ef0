package com.zhaoshang.ledger.command.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.supervision.LandReclaimProposedEvent;
import com.zhaoshang.ledger.api.supervision.LandReclaimedEvent;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demo mode over HTTP: {@code POST /api/admin/clock/advance} is the admin's, moves every clock (decisions, db-scheduler,
 * recording time), and a rule due in moved time fires; the inspector then confirms the proposed land reclamation.
 * The context is closed after the class, so Axon's recording clock returns to the system clock for other tests.
 */
@DirtiesContext
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.demo-clock.enabled=true",
                "ledger.demo-clock.start=2030-01-01T02:00:00Z",
                "db-scheduler.polling-interval=500ms",
                "ledger.security.users[0].username=admin",
                "ledger.security.users[0].password={noop}admin-pw",
                "ledger.security.users[0].role=ADMIN",
                "ledger.security.users[0].unit-id=360800",
                "ledger.security.users[1].username=front",
                "ledger.security.users[1].password={noop}front-pw",
                "ledger.security.users[1].role=FRONT_OFFICE",
                "ledger.security.users[1].unit-id=360800",
                "ledger.security.users[2].username=inspector",
                "ledger.security.users[2].password={noop}inspector-pw",
                "ledger.security.users[2].role=INSPECTOR",
                "ledger.security.users[2].unit-id=360800",
        })
class DemoClockWebTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("demo-clock");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void onlyTheAdminMovesTheClockAndOnlyForward() throws Exception {
        Duration before = clock.offset();
        assertThat(post("front", "/api/admin/clock/advance", "{\"days\":1}").statusCode()).isEqualTo(403);
        HttpResponse<String> zero = post("admin", "/api/admin/clock/advance", "{\"days\":0}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(clock.offset()).isEqualTo(before);
    }

    @Test
    void idleLandIsProposedForReclamationInMovedTimeAndTheInspectorConfirmsIt() throws Exception {
        assertThat(post("admin", "/api/units",
                "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> lead = post("front", "/api/projects", """
                {"name":"年产5万吨新材料项目","unitId":"360800",
                 "investor":{"name":"阿尔法新材料有限公司","kind":"PRIVATE"},
                 "industryCode":"C3011","channel":"DOOR_TO_DOOR","occurredOn":"2030-01-01"}""");
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
        String project = json(lead).get("id").asText();
        assertThat(post("front", "/api/projects/" + project + "/signing", """
                {"contractAmount":{"amount":"450000000","currency":"CNY"},
                 "responsibleLeader":{"name":"王明","title":"副区长"},"occurredOn":"2030-01-01"}""").statusCode())
                .isEqualTo(200);
        assertThat(post("front", "/api/projects/" + project + "/land",
                "{\"parcelId\":\"JA2030-001\",\"areaMu\":\"80\",\"occurredOn\":\"2030-01-01\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> moved = post("admin", "/api/admin/clock/advance", "{\"days\":731}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("now").asText()).startsWith("2032-01-02");

        await().atMost(Duration.ofSeconds(60)).until(() -> events(project, LandReclaimProposedEvent.class) == 1);
        assertThat(post("front", "/api/projects/" + project + "/land-reclamation",
                "{\"reason\":\"两年未动工\",\"occurredOn\":\"2032-01-02\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> reclaimed = post("inspector", "/api/projects/" + project + "/land-reclamation",
                "{\"reason\":\"两年未动工, 依法收回\",\"occurredOn\":\"2032-01-02\"}");
        assertThat(reclaimed.statusCode()).as(reclaimed.body()).isEqualTo(200);
        assertThat(events(project, LandReclaimedEvent.class)).isEqualTo(1);
        assertThat(events(project, LandReclaimProposedEvent.class)).isEqualTo(1);
    }

    private long events(String project, Class<?> type) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?")
                .params(project, type.getName()).query(Long.class).single();
    }

    private HttpResponse<String> post(String user, String path, String body) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(
                (user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
