package com.zhaoshang.ledger.command.web;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP Basic against the configured users; one role per route; 401 and 403 as problems; nothing sent when refused. */
class CommandSecurityTest extends CommandWebTestBase {

    private static final String PROJECT = "/api/projects/" + UUID.randomUUID();

    @Test
    void withoutCredentialsACommandIs401WithABasicChallenge() {
        long before = events();
        CommandHttp.Answer answer = http.post(null, "/api/units", RequestBodies.unit("sec-anon", null));

        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic realm=\"zhaoshang-ledger\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIs401() {
        assertProblem(http.postWithPassword("admin", "guess", "/api/units", RequestBodies.unit("sec-wrong", null)),
                401, "unauthenticated");
        assertProblem(http.postWithPassword("nobody", "admin-pw", "/api/units", RequestBodies.unit("sec-wrong", null)),
                401, "unauthenticated");
    }

    @Test
    void onlyAdminsRegisterUnits() {
        for (String user : new String[]{"front", "verifier", "leader"}) {
            assertProblem(http.post(user, "/api/units", RequestBodies.unit("sec-role", null)), 403, "forbidden");
        }
    }

    @Test
    void onlyFrontOfficesRecordLeadsLifecycleFactsAndActivities() {
        for (String user : new String[]{"admin", "verifier", "leader"}) {
            assertProblem(http.post(user, "/api/projects", RequestBodies.lead("360802", "某公司", null)), 403, "forbidden");
            assertProblem(http.post(user, PROJECT + "/construction-start", "{\"occurredOn\":\"2026-05-20\"}"),
                    403, "forbidden");
            assertProblem(http.post(user, PROJECT + "/capital-arrivals",
                    "{\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"occurredOn\":\"2026-05-20\"}"), 403, "forbidden");
            assertProblem(http.post(user, "/api/activities", RequestBodies.activity("360802")), 403, "forbidden");
        }
    }

    @Test
    void onlyVerifiersRegisterProjectsAndVerifyCapital() {
        String registration = "{\"evidence\":{\"kind\":\"CONTRACT_DOCUMENTS\",\"reference\":\"R-1\"},\"occurredOn\":\"2026-04-08\"}";
        String verification = "{\"verifiedAmount\":{\"amount\":\"1\",\"currency\":\"CNY\"},"
                + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"B-1\"}}";
        for (String user : new String[]{"admin", "front", "leader"}) {
            assertProblem(http.post(user, PROJECT + "/registration", registration), 403, "forbidden");
            assertProblem(http.post(user, PROJECT + "/capital-arrivals/" + UUID.randomUUID() + "/verification",
                    verification), 403, "forbidden");
        }
    }

    @Test
    void campaignsAreForAdminsAndUnlistedWritesAreDenied() {
        assertProblem(http.post("front", "/api/campaigns", "{}"), 403, "forbidden");
        assertProblem(http.send("admin", "PUT", "/api/units", "application/json", "{}"), 403, "forbidden");
        assertProblem(http.send("admin", "DELETE", PROJECT, null, null), 403, "forbidden");
        assertProblem(http.send(null, "PATCH", PROJECT, "application/json", "{}"), 401, "unauthenticated");
    }

    @Test
    void readsAreLeftToTheQuerySideChain() {
        // The command side's chain matches writes only; on the command side alone a read reaches MVC unauthenticated.
        CommandHttp.Answer answer = http.send(null, "GET", "/api/units", null, null);
        assertThat(answer.status()).isNotEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isNull();
    }
}
