package com.zhaoshang.ledger.query.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/activities} through the real activities processor and HTTP. */
class ActivitiesApiTest extends QuerySideIntegrationTest {

    private static final Instant AT = Instant.parse("2024-07-10T01:00:00Z");

    @Test
    void activitiesAreProjectedByTheProcessorAndFilteredPagedAndOrdered() {
        String city = Facts.freshUnitId("city");
        String district = Facts.freshUnitId("district");
        publish(
                Facts.unit(city, "市", UnitKind.CITY, null, "city", AT),
                Facts.unit(district, "区", UnitKind.DISTRICT, city, "districts", AT));
        String suffix = "-" + district;
        publish(
                Facts.activity("visit" + suffix, district, ActivityKind.COMPANY_VISIT, "走访宁德时代", LocalDate.of(2024, 7, 2), AT),
                Facts.activity("inspection" + suffix, district, ActivityKind.INVESTOR_INSPECTION, "客商考察", LocalDate.of(2024, 7, 5), AT),
                Facts.activity("fair" + suffix, city, ActivityKind.PROMOTION_EVENT, "深圳推介会", LocalDate.of(2024, 7, 8), AT),
                Facts.activity("trip" + suffix, district, ActivityKind.OUTBOUND_TRIP, "赴长三角招商", LocalDate.of(2024, 7, 9), AT));

        JsonNode all = awaitJson(() -> get("/api/activities?unitId=" + city), page -> page.path("totalItems").asLong() == 4);

        assertThat(ids(all, suffix)).containsExactly("trip", "fair", "inspection", "visit");
        JsonNode visit = all.path("items").get(3);
        assertThat(visit.path("unitId").asText()).isEqualTo(district);
        assertThat(visit.path("kind").asText()).isEqualTo("COMPANY_VISIT");
        assertThat(visit.path("subject").asText()).isEqualTo("走访宁德时代");
        assertThat(visit.path("occurredOn").asText()).isEqualTo("2024-07-02");
        assertThat(visit.path("recordedAt").asText()).isEqualTo("2024-07-10T01:00:00Z");
        assertThat(visit.path("recordedBy").asText()).isEqualTo(Facts.FRONT_OFFICE.userId());
        assertThat(ids(json(get("/api/activities?unitId=" + city + "&includeSubunits=false")), suffix)).containsExactly("fair");
        assertThat(ids(json(get("/api/activities?unitId=" + district + "&kind=COMPANY_VISIT")), suffix)).containsExactly("visit");
        assertThat(ids(json(get("/api/activities?unitId=" + city + "&from=2024-07-05&to=2024-07-08")), suffix))
                .containsExactly("fair", "inspection");
        JsonNode second = json(get("/api/activities?unitId=" + city + "&size=3&page=1"));
        assertThat(ids(second, suffix)).containsExactly("visit");
        assertThat(second.path("totalPages").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
            "from=2024-13-01, from",
            "to=yesterday, to",
            "from=2024-07-09&to=2024-07-01, to",
            "kind=DINNER, kind",
            "size=500, size",
            "unitId=UPPER, unitId"})
    void badParametersAre400ProblemsNamingTheParameter(String query, String field) {
        HttpResponse<String> response = get("/api/activities?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private static List<String> ids(JsonNode page, String suffix) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(a -> a.path("id").asText().replace(suffix, ""))
                .toList();
    }
}
