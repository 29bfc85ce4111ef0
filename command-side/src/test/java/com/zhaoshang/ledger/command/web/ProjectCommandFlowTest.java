package com.zhaoshang.ledger.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.command.common.LedgerTime;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes through to the aggregates and the event store: a project from lead to production over HTTP, the
 * answers' versions and ETags, If-Match, and every kind of refusal as its problem, with nothing stored.
 */
class ProjectCommandFlowTest extends CommandWebTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aProjectGoesFromLeadToProductionThroughHttp() throws IOException {
        CommandHttp.Answer lead = http.post("front", "/api/projects", RequestBodies.lead("360802", "全流程有限公司", null));
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        assertThat(lead.contentType()).startsWith("application/json");
        String id = lead.json().get("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(lead.header("Location")).isEqualTo("/api/projects/" + id);
        assertThat(lead.json().get("version").asLong()).isZero();

        step("front", id, "negotiation", "{\"occurredOn\":\"2026-03-10\"}", 1);
        step("front", id, "intent", "{\"amount\":{\"amount\":100000000,\"currency\":\"CNY\"},\"occurredOn\":\"2026-03-20\"}", 2);
        step("front", id, "signing", """
                {"contractAmount":{"amount":"92900000.00","currency":"CNY"},"ceremony":"2026年春季重大项目集中签约会",
                 "responsibleLeader":{"name":"张伟","title":"副区长"},"occurredOn":"2026-04-01"}""", 3);
        step("verifier", id, "registration",
                "{\"evidence\":{\"kind\":\"CONTRACT_DOCUMENTS\",\"reference\":\"JZ-2026-017\"},\"occurredOn\":\"2026-04-08\"}", 4);
        step("front", id, "land", "{\"parcelId\":\"JZ2026-05\",\"areaMu\":\"85.5\",\"occurredOn\":\"2026-05-06\"}", 5);
        step("front", id, "construction-start", "{\"occurredOn\":\"2026-05-20\"}", 6);

        CommandHttp.Answer arrival = http.post("front", "/api/projects/" + id + "/capital-arrivals",
                "{\"amount\":{\"amount\":\"30000000\",\"currency\":\"CNY\"},\"foreignExchange\":false,\"occurredOn\":\"2026-06-15\"}");
        assertThat(arrival.status()).as(arrival.toString()).isEqualTo(201);
        String arrivalId = arrival.json().get("id").asText();
        assertThat(arrivalId).isNotEqualTo(id);
        assertThat(arrival.header("Location")).isEqualTo("/api/projects/" + id + "/capital-arrivals/" + arrivalId);
        assertThat(arrival.json().get("version").asLong()).isEqualTo(7);

        step("verifier", id, "capital-arrivals/" + arrivalId + "/verification",
                "{\"verifiedAmount\":{\"amount\":\"28000000\",\"currency\":\"CNY\"},"
                        + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"ICBC-20260615-88\"}}", 8);
        step("front", id, "completion", "{\"occurredOn\":\"2026-09-30\"}", 9);
        step("front", id, "production-start", "{\"occurredOn\":\"2026-10-18\"}", 10);
        step("front", id, "responsible-leader",
                "{\"responsibleLeader\":{\"name\":\"李娜\",\"title\":\"区长\",\"userId\":\"li.na\"},\"occurredOn\":\"2026-10-20\"}", 11);

        List<Map<String, Object>> events = jdbc.queryForList("SELECT payloadtype, payload, metadata FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", id);
        assertThat(events).extracting(e -> e.get("payloadtype").toString().replaceAll(".*\\.", "")).containsExactly(
                "LeadRegisteredEvent", "NegotiationStartedEvent", "IntentAgreementSignedEvent", "ProjectSignedEvent",
                "ProjectRegisteredEvent", "LandAssignedEvent", "ConstructionStartedEvent", "CapitalArrivedEvent",
                "CapitalVerifiedEvent", "ConstructionCompletedEvent", "ProductionStartedEvent",
                "ResponsibleLeaderAssignedEvent");
        for (Map<String, Object> event : events) {
            JsonNode metaData = JSON.readTree((byte[]) event.get("metadata"));
            boolean verified = event.get("payloadtype").toString().matches(".*(ProjectRegistered|CapitalVerified)Event");
            assertThat(metaData.get("userId").asText()).isEqualTo(verified ? "verifier" : "front");
            assertThat(metaData.get("role").asText()).isEqualTo(verified ? "VERIFIER" : "FRONT_OFFICE");
            assertThat(metaData.get("unitId").asText()).isEqualTo(verified ? "360800" : "360802");
            assertThat(metaData.has("idempotencyKey")).isFalse();
            assertThat(metaData.has("replyId")).isFalse();
        }
        JsonNode verification = JSON.readTree((byte[]) events.get(8).get("payload"));
        assertThat(verification.get("occurredOn").asText()).isEqualTo(LedgerTime.today(Clock.systemUTC()).toString());
        assertThat(verification.at("/verifiedAmount/amount").decimalValue()).isEqualByComparingTo("28000000");
        String signing = new String((byte[]) events.get(3).get("payload"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(signing).contains("92900000.00").contains("2026年春季重大项目集中签约会");
    }

    @Test
    void ifMatchMakesACommandConditionalOnTheVersion() {
        String id = newLead();
        String path = "/api/projects/" + id + "/negotiation";

        CommandHttp.Answer stale = http.post("front", path, "{\"occurredOn\":\"2026-03-10\"}", "If-Match", "\"5\"");
        assertProblem(stale, 409, "stale-version");
        assertThat(eventsOf(id)).isEqualTo(1);

        CommandHttp.Answer current = http.post("front", path, "{\"occurredOn\":\"2026-03-10\"}", "If-Match", "\"0\"");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"1\"");

        CommandHttp.Answer any = http.post("front", "/api/projects/" + id + "/intent",
                "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"occurredOn\":\"2026-03-11\"}", "If-Match", "*");
        assertThat(any.status()).as(any.toString()).isEqualTo(200);
    }

    @Test
    void anUnknownProjectIsNotFound() {
        String nobody = UUID.randomUUID().toString();
        CommandHttp.Answer answer = http.post("front", "/api/projects/" + nobody + "/negotiation", "{\"occurredOn\":\"2026-03-10\"}");

        assertProblem(answer, 404, "not-found");
        assertThat(answer.json().get("detail").asText()).contains(nobody);
        assertThat(eventsOf(nobody)).isZero();
    }

    @Test
    void anUnknownArrivalInThePathIsNotFound() {
        String id = signedProject();
        CommandHttp.Answer answer = http.post("verifier", "/api/projects/" + id + "/capital-arrivals/" + UUID.randomUUID()
                + "/verification", "{\"verifiedAmount\":{\"amount\":\"1\",\"currency\":\"CNY\"},"
                + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"B-1\"},\"occurredOn\":\"2026-04-02\"}");

        assertProblem(answer, 404, "unknown-reference");
    }

    @Test
    void anUnknownUnitInTheBodyIs422() {
        long before = events();
        CommandHttp.Answer answer = http.post("front", "/api/projects", RequestBodies.lead("360899", "某公司", null));

        assertProblem(answer, 422, "unknown-reference");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anIllegalTransitionIs409AndStoresNothing() {
        String id = newLead();
        CommandHttp.Answer answer = http.post("front", "/api/projects/" + id + "/construction-start", "{\"occurredOn\":\"2026-05-20\"}");

        assertProblem(answer, 409, "illegal-transition");
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void aBrokenBusinessRuleIs422() {
        String id = signedProject();
        CommandHttp.Answer arrival = http.post("front", "/api/projects/" + id + "/capital-arrivals",
                "{\"amount\":{\"amount\":\"100\",\"currency\":\"USD\"},\"foreignExchange\":true,\"occurredOn\":\"2026-04-02\"}");
        String arrivalId = arrival.json().get("id").asText();

        CommandHttp.Answer tooMuch = http.post("verifier", "/api/projects/" + id + "/capital-arrivals/" + arrivalId
                + "/verification", "{\"verifiedAmount\":{\"amount\":\"101\",\"currency\":\"USD\"},"
                + "\"evidence\":{\"kind\":\"FOREIGN_EXCHANGE_RECORD\",\"reference\":\"SAFE-1\"},\"occurredOn\":\"2026-04-03\"}");
        CommandHttp.Answer future = http.post("front", "/api/projects/" + id + "/construction-start",
                "{\"occurredOn\":\"2999-01-01\"}");

        assertProblem(tooMuch, 422, "rule-violated");
        assertProblem(future, 422, "rule-violated");
        assertThat(eventsOf(id)).isEqualTo(3);
    }

    @Test
    void aUnitIdTakenAlreadyIs409() {
        CommandHttp.Answer answer = http.post("admin", "/api/units", RequestBodies.unit("360802", "360800"));

        assertProblem(answer, 409, "already-exists");
    }

    @Test
    void abandonmentAndTerminationEndProjects() {
        String lead = newLead();
        String signed = signedProject();

        CommandHttp.Answer abandoned = http.post("front", "/api/projects/" + lead + "/abandonment",
                "{\"reason\":\"投资方撤回\\n另有安排\",\"occurredOn\":\"2026-03-15\"}");
        CommandHttp.Answer terminated = http.post("front", "/api/projects/" + signed + "/termination",
                "{\"reason\":\"未履约\",\"occurredOn\":\"2026-04-15\"}");

        assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(200);
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        assertThat(lastEventType(lead)).endsWith("ProjectAbandonedEvent");
        assertThat(lastEventType(signed)).endsWith("ContractTerminatedEvent");
    }

    @Test
    void anActivityIsCreatedWithAnIdOfTheServer() {
        CommandHttp.Answer answer = http.post("front", "/api/activities", RequestBodies.activity("360802"));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String id = answer.json().get("id").asText();
        assertThat(answer.header("Location")).isEqualTo("/api/activities/" + id);
        assertThat(lastEventType(id)).endsWith("ActivityRecordedEvent");
    }

    private String signedProject() {
        String id = newLead();
        step("front", id, "signing", """
                {"contractAmount":{"amount":"60000000","currency":"CNY"},
                 "responsibleLeader":{"name":"王强"},"occurredOn":"2026-04-01"}""", 1);
        return id;
    }

    private void step(String user, String id, String route, String body, long version) {
        CommandHttp.Answer answer = http.post(user, "/api/projects/" + id + "/" + route, body);
        assertThat(answer.status()).as(route + ": " + answer).isEqualTo(200);
        assertThat(answer.json().get("id").asText()).isEqualTo(id);
        assertThat(answer.json().get("version").asLong()).as(route).isEqualTo(version);
        assertThat(answer.header("ETag")).isEqualTo("\"" + version + "\"");
    }

    private String lastEventType(String aggregateId) {
        return jdbc.queryForObject("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber DESC LIMIT 1", String.class, aggregateId);
    }
}
