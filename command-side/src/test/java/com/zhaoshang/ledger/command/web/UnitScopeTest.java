package com.zhaoshang.ledger.command.web;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit scope is checked against the aggregate's owning unit on the command side, not on the URL: a district's
 * front office may not write for its parent city's project nor name the parent or a sibling in a body; an unknown
 * project stays 404 (403 is for existing aggregates of other units, docs/SECURITY.md).
 */
class UnitScopeTest extends CommandWebTestBase {

    private static final String NEGOTIATION = "{\"occurredOn\":\"2026-03-10\"}";

    @Test
    void aDistrictMayNotWriteForItsParentCitysProject() {
        CommandHttp.Answer lead = http.post("front-city", "/api/projects",
                RequestBodies.lead("360800", "市本级项目有限公司", null));
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        String project = lead.json().get("id").asText();
        long before = eventsOf(project);

        CommandHttp.Answer refused = http.post("front", "/api/projects/" + project + "/negotiation", NEGOTIATION);

        assertProblem(refused, 403, "forbidden");
        assertThat(refused.json().get("detail").asText()).contains("360800");
        assertThat(eventsOf(project)).isEqualTo(before);
        Map<String, Object> denial = lastDenial();
        assertThat(denial).containsEntry("user_id", "front").containsEntry("role", "FRONT_OFFICE")
                .containsEntry("unit_id", "360802").containsEntry("status", 403)
                .containsEntry("path", "/api/projects/" + project + "/negotiation");
        assertThat(http.post("front-city", "/api/projects/" + project + "/negotiation", NEGOTIATION).status())
                .isEqualTo(200);
    }

    @Test
    void aBodyNamingTheParentOrASiblingUnitIsRefused() {
        long before = events();
        assertProblem(http.post("front", "/api/projects", RequestBodies.lead("360800", "越权登记有限公司", null)),
                403, "forbidden");
        assertProblem(http.post("front", "/api/projects", RequestBodies.lead("360803", "越权登记有限公司", null)),
                403, "forbidden");
        assertProblem(http.post("front", "/api/activities", RequestBodies.activity("360803")), 403, "forbidden");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anUnknownProjectIsStill404() {
        assertProblem(http.post("front-sibling", "/api/projects/" + UUID.randomUUID() + "/negotiation", NEGOTIATION),
                404, "not-found");
    }

    @Test
    void aForbiddenAnswerIsReplayedUnderItsIdempotencyKeyAndStillStoresNothing() {
        String project = newLead();
        long before = eventsOf(project);
        String key = newKey();
        CommandHttp.Answer first = http.post("front-sibling", "/api/projects/" + project + "/negotiation", NEGOTIATION,
                "Idempotency-Key", key);
        CommandHttp.Answer again = http.post("front-sibling", "/api/projects/" + project + "/negotiation", NEGOTIATION,
                "Idempotency-Key", key);

        assertProblem(first, 403, "forbidden");
        assertProblem(again, 403, "forbidden");
        assertThat(eventsOf(project)).isEqualTo(before);
    }

    private Map<String, Object> lastDenial() {
        return jdbc.queryForMap("SELECT user_id, role, unit_id, method, path, status, reason FROM security_denial "
                + "ORDER BY id DESC LIMIT 1");
    }
}
