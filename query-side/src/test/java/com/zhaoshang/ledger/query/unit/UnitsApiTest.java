package com.zhaoshang.ledger.query.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/units} and {@code GET /api/units/{id}} through the real units processor and HTTP. */
class UnitsApiTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2024-03-01T08:00:00Z");

    @Test
    void theTreeIsProjectedByTheProcessorAndListedInTreeOrder() {
        String city = Facts.freshUnitId("city");
        String district = Facts.freshUnitId("district");
        String town = Facts.freshUnitId("town");
        String team = Facts.freshUnitId("team");
        publish(
                Facts.unit(city, "吉安市", UnitKind.CITY, null, "city", AT),
                Facts.unit(district, "吉州区", UnitKind.DISTRICT, city, "districts", AT.plusSeconds(1)),
                Facts.unit(town, "兴桥镇", UnitKind.TOWN, district, "towns", AT.plusSeconds(2)),
                Facts.unit(team, "驻深圳招商小组", UnitKind.TEAM, city, "teams", AT.plusSeconds(3)));

        JsonNode tree = awaitJson(() -> get("/api/units?under=" + city), list -> list.path("items").size() == 4);

        assertThat(ids(tree)).containsExactly(city, district, town, team);
        JsonNode townJson = json(get("/api/units/" + town));
        assertThat(townJson.path("id").asText()).isEqualTo(town);
        assertThat(townJson.path("name").asText()).isEqualTo("兴桥镇");
        assertThat(townJson.path("kind").asText()).isEqualTo("TOWN");
        assertThat(townJson.path("parentId").asText()).isEqualTo(district);
        assertThat(townJson.path("peerGroup").asText()).isEqualTo("towns");
        assertThat(townJson.path("path").asText()).isEqualTo("/" + city + "/" + district + "/" + town + "/");
        assertThat(townJson.path("depth").asInt()).isEqualTo(2);
        assertThat(townJson.path("registeredAt").asText()).isEqualTo("2024-03-01T08:00:02Z");
        assertThat(json(get("/api/units/" + city)).has("parentId")).isFalse();
        assertThat(ids(json(get("/api/units?under=" + city + "&kind=TEAM")))).containsExactly(team);
        assertThat(ids(json(get("/api/units?under=" + city + "&peerGroup=towns")))).containsExactly(town);
    }

    @Test
    void anUnknownOrMalformedUnitIs404Problem() {
        for (String id : List.of("999999", "Not-A-Unit")) {
            HttpResponse<String> response = get("/api/units/" + id);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(json(response).path("type").asText()).isEqualTo("/problems/unknown-reference");
        }
    }

    @Test
    void badFiltersAre400Problems() {
        HttpResponse<String> response = get("/api/units?kind=PROVINCE");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("kind");
        assertThat(json(get("/api/units?under=X")).path("errors").get(0).path("field").asText()).isEqualTo("under");
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false).map(u -> u.path("id").asText()).toList();
    }
}
