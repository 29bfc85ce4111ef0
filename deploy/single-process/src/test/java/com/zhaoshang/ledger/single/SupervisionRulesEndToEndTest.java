package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Supervision rules over the whole single-process path with the movable demo clock, starting Monday 2026-09-28 (the
 * week before 国庆): an approval request left alone is deemed granted the day after its limit (5 working days: 29,
 * 30 Sep, 8, 9 Oct and the 调休 Saturday 10 Oct), naming the lapsed department, and can then no longer be refused;
 * a complaint not answered by the same day is escalated to the parent unit, which then answers for it;
 * a fact recorded two weeks after its date is listed as a late entry (rule 9, 7 days).
 */
@DirtiesContext
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.demo-clock.enabled=true",
                "ledger.demo-clock.start=2026-09-28T02:00:00Z",
                "db-scheduler.polling-interval=500ms",
                "ledger.rules.late-entry-days=7",
        })
class SupervisionRulesEndToEndTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("e2e-supervision");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anApprovalLeftAloneIsDeemedGrantedAndAComplaintAnsweredLateIsEscalated() throws Exception {
        LedgerHttp http = new LedgerHttp(port);
        created(http.post("admin", "/api/units",
                "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}"));
        created(http.post("admin", "/api/units", "{\"id\":\"360802\",\"name\":\"吉州区\",\"kind\":\"DISTRICT\","
                + "\"parentId\":\"360800\",\"peerGroup\":\"district\"}"));
        created(http.post("admin", "/api/units", "{\"id\":\"ja-zrzyj\",\"name\":\"吉安市自然资源局\","
                + "\"kind\":\"DEPARTMENT\",\"parentId\":\"360800\",\"peerGroup\":\"departments\"}"));
        String project = created(http.post("front", "/api/projects", """
                {"name":"年产5万吨新材料项目","unitId":"360802",
                 "investor":{"name":"江西赣新材料有限公司","kind":"PRIVATE"},"industryCode":"C3011",
                 "channel":"DOOR_TO_DOOR","intendedAmount":{"amount":"120000000","currency":"CNY"},
                 "occurredOn":"2026-09-28"}"""));
        String approval = created(http.post("front", "/api/approvals", """
                {"projectId":"%s","departmentUnitId":"ja-zrzyj","subject":"建设用地规划许可","timeLimitDays":5,
                 "occurredOn":"2026-09-28"}""".formatted(project)));
        String complaint = created(http.post("front", "/api/complaints", """
                {"unitId":"360802","projectId":"%s","complainant":"江西赣新材料有限公司","subject":"用地手续迟迟未办",
                 "occurredOn":"2026-09-28"}""".formatted(project)));

        // Saturday 10 Oct, the last working day: nothing yet.
        assertThat(http.post("admin", "/api/admin/clock/advance", "{\"days\":12}").status()).isEqualTo(200);
        assertThat(eventsOf(approval)).containsExactly("ApprovalRequestedEvent");
        // Monday 12 Oct: both limits lapsed at the start of Sunday 11 Oct.
        assertThat(http.post("admin", "/api/admin/clock/advance", "{\"days\":2}").status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> eventsOf(approval).contains("ApprovalDeemedGrantedEvent")
                && eventsOf(complaint).contains("ComplaintEscalatedEvent"));

        JsonNode deemed = awaitBody(http, "/api/approvals/" + approval,
                body -> "DEEMED_GRANTED".equals(body.path("status").asText()));
        assertThat(deemed.path("responsibleDepartmentUnitId").asText()).isEqualTo("ja-zrzyj");
        assertThat(deemed.path("dueOn").asText()).isEqualTo("2026-10-10");
        assertThat(deemed.path("decidedOn").asText()).isEqualTo("2026-10-11");
        awaitBody(http, "/api/approvals?unitId=360800&status=DEEMED_GRANTED",
                body -> body.path("approvals").size() == 1);
        String lateRefusal = "{\"granted\":false,\"reason\":\"缺少前置审批文件\",\"occurredOn\":\"2026-10-12\"}";
        assertThat(http.post("front", "/api/approvals/" + approval + "/decision", lateRefusal).status())
                .as("the district's front office does not decide for the city's department").isEqualTo(403);
        LedgerHttp.Answer refusal = http.post("bureau", "/api/approvals/" + approval + "/decision", lateRefusal);
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.contentType()).startsWith("application/problem+json");

        JsonNode escalation = payload(complaint, "ComplaintEscalatedEvent");
        assertThat(escalation.path("fromUnitId").asText()).isEqualTo("360802");
        assertThat(escalation.path("toUnitId").asText()).isEqualTo("360800");
        assertThat(escalation.path("answerDueOn").asText()).isEqualTo("2026-10-10");
        assertThat(http.post("front", "/api/complaints/" + complaint + "/answer",
                "{\"answer\":\"已协调自然资源局办理\",\"occurredOn\":\"2026-10-12\"}").status()).isEqualTo(200);
        // Late for the district; the city now answers for it, within its own new limit (5 working days from 11 Oct).
        JsonNode answered = payload(complaint, "ComplaintAnsweredEvent");
        assertThat(answered.path("answeringUnitId").asText()).isEqualTo("360800");
        assertThat(answered.path("onTime").asBoolean()).isTrue();

        // Rule 9: the negotiation of 28 Sep recorded on 12 Oct is 14 days late.
        assertThat(http.post("front", "/api/projects/" + project + "/negotiation",
                "{\"occurredOn\":\"2026-09-28\"}").status()).isEqualTo(200);
        JsonNode late = awaitBody(http, "/api/supervision/late-entries?unitId=360800",
                body -> body.path("entries").size() == 1);
        assertThat(late.path("entries").get(0).path("factType").asText()).isEqualTo("NegotiationStartedEvent");
        assertThat(late.path("entries").get(0).path("lagDays").asLong()).isEqualTo(14);
    }

    private static String created(LedgerHttp.Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        return answer.body().path("id").asText();
    }

    private JsonNode awaitBody(LedgerHttp http, String path, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            LedgerHttp.Answer answer = http.get("inspector", path);
            last[0] = answer.body();
            return answer.status() == 200 && ready.test(answer.body());
        });
        return last[0];
    }

    private List<String> eventsOf(String aggregateId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber", String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private JsonNode payload(String aggregateId, String simpleType) throws Exception {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT payloadtype, payload FROM domainevententry"
                + " WHERE aggregateidentifier = ? ORDER BY sequencenumber", aggregateId);
        for (Map<String, Object> row : rows) {
            if (String.valueOf(row.get("payloadtype")).endsWith("." + simpleType)) {
                return JSON.readTree((byte[]) row.get("payload"));
            }
        }
        throw new AssertionError("no " + simpleType + " of " + aggregateId + " among " + eventsOf(aggregateId));
    }
}
