package com.zhaoshang.ledger.query.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP Basic on the query side: 401 problems, open health, every role reads. */
class QuerySecurityTest extends QuerySideIntegrationTest {

    @Test
    void withoutCredentialsTheAnswerIs401ProblemWithABasicChallenge() {
        HttpResponse<String> response = get("/api/projects", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertProblem(response, 401, "/problems/unauthenticated");
    }

    @Test
    void aWrongPasswordIs401() {
        HttpResponse<String> response = get("/api/units", "leader", "not-the-password");

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, 401, "/problems/unauthenticated");
    }

    @Test
    void anUnknownUserIs401() {
        HttpResponse<String> response = get("/api/units", "nobody", "leader-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, 401, "/problems/unauthenticated");
    }

    @Test
    void aWriteWithoutCredentialsIsRefusedBeforeAnythingElse() {
        HttpResponse<String> response = send(request("/api/projects")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertProblem(response, 401, "/problems/unauthenticated");
    }

    @Test
    void healthIsOpenToEveryone() {
        HttpResponse<String> response = get("/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("UP");
    }

    @ParameterizedTest
    @CsvSource({
            "leader, leader-secret",
            "inspector, inspector-secret",
            "front, front-secret",
            "verifier, verifier-secret",
            "admin, admin-secret"})
    void everyRoleReadsProjectsUnitsAndActivities(String username, String password) {
        for (String path : new String[]{"/api/projects", "/api/units", "/api/activities"}) {
            HttpResponse<String> response = get(path, username, password);
            assertThat(response.statusCode()).as(username + " GET " + path).isEqualTo(200);
        }
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
