package com.zhaoshang.ledger.query.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Refused reads are recorded with who, what and why; only inspectors and admins read the denial log. */
class DenialsTest extends QuerySideIntegrationTest {

    @Test
    void anUnauthenticatedReadIsRecordedAndInspectorsAndAdminsReadIt() {
        String path = "/api/projects/" + UUID.randomUUID();
        assertThat(get(path, null, null).statusCode()).isEqualTo(401);
        assertThat(get(path, "leader", "wrong-password").statusCode()).isEqualTo(401);

        for (String[] auditor : new String[][]{{"inspector", INSPECTOR_PASSWORD}, {"admin", "admin-secret"}}) {
            HttpResponse<String> answer = get("/api/audit/denials?size=20", auditor[0], auditor[1]);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode denials = json(answer).get("denials");
            assertThat(denials).anySatisfy(denial -> {
                assertThat(denial.get("path").asText()).isEqualTo(path);
                assertThat(denial.get("status").asInt()).isEqualTo(401);
                assertThat(denial.get("method").asText()).isEqualTo("GET");
                assertThat(denial.get("reason").asText()).isNotBlank();
                assertThat(denial.get("deniedAt").asText()).isNotBlank();
            });
        }
    }

    @Test
    void otherRolesMayNotReadTheDenialLog() {
        for (String[] user : new String[][]{{"leader", "leader-secret"}, {"front", "front-secret"},
                {"verifier", "verifier-secret"}}) {
            HttpResponse<String> answer = get("/api/audit/denials", user[0], user[1]);
            assertThat(answer.statusCode()).as(user[0]).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void badParametersAre400() {
        HttpResponse<String> answer = get("/api/audit/denials?from=yesterday&size=100000", "admin", "admin-secret");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    }
}
