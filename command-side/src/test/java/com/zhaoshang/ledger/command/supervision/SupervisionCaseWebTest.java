package com.zhaoshang.ledger.command.supervision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.command.common.LedgerTime;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervision case routes (each step by its role, in order, with If-Match) and the complaint routes. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.users[0].username=inspector",
                "ledger.security.users[0].password={noop}inspector-pw",
                "ledger.security.users[0].role=INSPECTOR",
                "ledger.security.users[0].unit-id=360800",
                "ledger.security.users[1].username=front",
                "ledger.security.users[1].password={noop}front-pw",
                "ledger.security.users[1].role=FRONT_OFFICE",
                "ledger.security.users[1].unit-id=360802",
                "ledger.security.users[2].username=leader",
                "ledger.security.users[2].password={noop}leader-pw",
                "ledger.security.users[2].role=LEADER",
                "ledger.security.users[2].unit-id=360800",
                "ledger.security.users[3].username=admin",
                "ledger.security.users[3].password={noop}admin-pw",
                "ledger.security.users[3].role=ADMIN",
                "ledger.security.users[3].unit-id=360800",
                "ledger.security.users[4].username=front-fz",
                "ledger.security.users[4].password={noop}front-fz-pw",
                "ledger.security.users[4].role=FRONT_OFFICE",
                "ledger.security.users[4].unit-id=361000",
                "ledger.security.users[5].username=dept-fz",
                "ledger.security.users[5].password={noop}dept-fz-pw",
                "ledger.security.users[5].role=FRONT_OFFICE",
                "ledger.security.users[5].unit-id=fz-zrzyj",
        })
class SupervisionCaseWebTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("supervision-cases");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aCaseGoesThroughItsWorkflowStepByStepEachByItsRole() throws Exception {
        LocalDate today = LedgerTime.today(clock);
        assertThat(post("front", "/api/supervision-cases", openBody(today), null).statusCode()).isEqualTo(403);
        HttpResponse<String> opened = post("inspector", "/api/supervision-cases", openBody(today), null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = JSON.readTree(opened.body()).get("id").asText();
        String base = "/api/supervision-cases/" + caseId;
        String step = "{\"note\":\"已办理\",\"occurredOn\":\"" + today + "\"}";

        assertThat(post("inspector", base + "/review", step, null).statusCode()).isEqualTo(403);
        assertThat(post("leader", base + "/review", step, "\"0\"").statusCode()).isEqualTo(200);
        HttpResponse<String> early = post("inspector", base + "/recheck", step, null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("the next step is ISSUE");
        assertThat(post("front", base + "/issue", step, null).statusCode()).isEqualTo(403);
        assertThat(post("inspector", base + "/issue", step, "\"0\"").statusCode()).as("stale If-Match").isNotEqualTo(200);
        assertThat(post("inspector", base + "/issue", step, "\"1\"").statusCode()).isEqualTo(200);
        assertThat(post("front", base + "/acknowledgement", step, null).statusCode()).isEqualTo(200);
        assertThat(post("front", base + "/handling", step, null).statusCode()).isEqualTo(200);
        assertThat(post("front", base + "/report", step, null).statusCode()).isEqualTo(200);
        assertThat(post("inspector", base + "/recheck", step, null).statusCode()).isEqualTo(200);
        HttpResponse<String> closed = post("inspector", base + "/closing", step, null);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.headers().firstValue("ETag")).hasValue("\"7\"");
        assertThat(post("inspector", base + "/closing", step, null).statusCode()).isEqualTo(409);
    }

    @Test
    void aCaseWithoutLeadUnitIsAProblem() throws Exception {
        HttpResponse<String> answer = post("inspector", "/api/supervision-cases",
                "{\"subject\":\"某事项\",\"deadlineOn\":\"2030-01-01\",\"reportingFrequencyDays\":7,"
                        + "\"occurredOn\":\"" + LedgerTime.today(clock) + "\"}", null);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("leadUnitId");
    }

    @Test
    void aComplaintIsRecordedAndAnsweredByTheFrontOffice() throws Exception {
        LocalDate today = LedgerTime.today(clock);
        assertThat(post("admin", "/api/units",
                "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}", null)
                .statusCode()).isEqualTo(201);
        assertThat(post("admin", "/api/units", "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\","
                + "\"parentId\":\"360800\",\"peerGroup\":\"district\"}", null).statusCode()).isEqualTo(201);
        String complaint = "{\"unitId\":\"360802\",\"complainant\":\"阿尔法新材料有限公司\",\"subject\":\"用地手续迟迟未办\","
                + "\"occurredOn\":\"" + today + "\"}";
        assertThat(post("inspector", "/api/complaints", complaint, null).statusCode()).isEqualTo(403);
        HttpResponse<String> received = post("front", "/api/complaints", complaint, null);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String id = JSON.readTree(received.body()).get("id").asText();
        String answer = "{\"answer\":\"已协调办理\",\"occurredOn\":\"" + today + "\"}";
        assertThat(post("front", "/api/complaints/" + id + "/answer", answer, "\"0\"").statusCode()).isEqualTo(200);
        assertThat(post("front", "/api/complaints/" + id + "/answer", answer, null).statusCode()).isEqualTo(409);
    }

    private String lead(String unitId, String investor, String industryCode, String amount) throws Exception {
        HttpResponse<String> lead = post("front-fz", "/api/projects", """
                {"name":"%s项目","unitId":"%s","investor":{"name":"%s","kind":"PRIVATE"},
                 "industryCode":"%s","channel":"DOOR_TO_DOOR",
                 "intendedAmount":{"amount":"%s","currency":"CNY"},"occurredOn":"2026-03-02"}"""
                .formatted(investor, unitId, investor, industryCode, amount), null);
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(201);
        return JSON.readTree(lead.body()).get("id").asText();
    }

    @Test
    void anApprovalIsRequestedAndDecidedByTheDepartment() throws Exception {
        LocalDate today = LedgerTime.today(clock);
        assertThat(post("admin", "/api/units",
                "{\"id\":\"361000\",\"name\":\"抚州市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}", null)
                .statusCode()).isEqualTo(201);
        assertThat(post("admin", "/api/units", "{\"id\":\"fz-zrzyj\",\"name\":\"抚州市自然资源局\","
                + "\"kind\":\"DEPARTMENT\",\"parentId\":\"361000\",\"peerGroup\":\"departments\"}", null)
                .statusCode()).isEqualTo(201);
        String large = lead("361000", "大型制造有限公司", "C3011", "150000000");
        String small = lead("361000", "小型制造有限公司", "C3011", "20000000");
        String body = "{\"projectId\":\"%s\",\"departmentUnitId\":\"fz-zrzyj\",\"subject\":\"建设用地规划许可\","
                + "\"timeLimitDays\":10,\"occurredOn\":\"" + today + "\"}";

        assertThat(post("inspector", "/api/approvals", body.formatted(large), null).statusCode()).isEqualTo(403);
        HttpResponse<String> requested = post("front-fz", "/api/approvals", body.formatted(large), null);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String id = JSON.readTree(requested.body()).get("id").asText();
        assertThat(requested.headers().firstValue("Location")).hasValue("/api/approvals/" + id);

        HttpResponse<String> refused = post("front-fz", "/api/approvals", body.formatted(small), null);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("rule-violated").contains("20000000.00 CNY");
        HttpResponse<String> unknown = post("front-fz", "/api/approvals",
                body.formatted("5b0e8c1e-0000-4000-8000-000000000000"), null);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("unknown-reference");
        HttpResponse<String> invalid = post("front-fz", "/api/approvals",
                "{\"projectId\":\"" + large + "\",\"departmentUnitId\":\"fz-zrzyj\",\"subject\":\"许可\","
                        + "\"timeLimitDays\":0,\"occurredOn\":\"" + today + "\"}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("timeLimitDays");

        String decision = "{\"granted\":true,\"reason\":\"材料齐全，同意\",\"occurredOn\":\"" + today + "\"}";
        assertThat(post("front", "/api/approvals/" + id + "/decision", decision, "\"0\"").statusCode())
                .as("a front office of another city may not decide").isEqualTo(403);
        assertThat(post("dept-fz", "/api/approvals/" + id + "/decision", decision, "\"5\"").statusCode())
                .isEqualTo(409);
        HttpResponse<String> decided = post("dept-fz", "/api/approvals/" + id + "/decision", decision, "\"0\"");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(decided.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> again = post("dept-fz", "/api/approvals/" + id + "/decision", decision, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("illegal-transition");
        assertThat(post("dept-fz", "/api/approvals/" + java.util.UUID.randomUUID() + "/decision", decision, null)
                .statusCode()).isEqualTo(404);
        assertThat(post("front", "/api/approvals/not-an-id/decision", decision, null).statusCode()).isEqualTo(404);
    }

    private static String openBody(LocalDate today) {
        return """
                {"subject":"年产5万吨新材料项目超期未开工","leadUnitId":"360802","assistingUnitIds":["360800"],
                 "responsibleLeader":{"name":"王明","title":"副区长"},"deadlineOn":"%s",
                 "reportingFrequencyDays":7,"occurredOn":"%s"}""".formatted(today.plusDays(30), today);
    }

    private HttpResponse<String> post(String user, String path, String body, String ifMatch)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString(
                (user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
