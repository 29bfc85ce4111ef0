package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key: the same key with the same body answers the first answer again and stores nothing new; another
 * body is 422; a key still in flight is 409 (until it is stale); refusals are remembered; keys belong to their user.
 */
class CommandIdempotencyTest extends CommandWebTestBase {

    @Test
    void theSameKeyAndBodyAnswerTheFirstAnswerAgainAndStoreOneEvent() {
        String key = newKey();
        String unitId = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        long before = events();

        CommandHttp.Answer first = http.post("admin", "/api/units", RequestBodies.unit(unitId, "360800"), "Idempotency-Key", key);
        CommandHttp.Answer again = http.post("admin", "/api/units", RequestBodies.unit(unitId, "360800"), "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/units/" + unitId);
        assertThat(first.json().get("id").asText()).isEqualTo(unitId);
        assertThat(first.json().get("version").asLong()).isZero();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header(CommandAnswer.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.header(CommandAnswer.REPLAYED_HEADER)).isNull();
        assertThat(eventsOf(unitId)).isEqualTo(1);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void aReplayedLeadKeepsTheIdTheServerMadeTheFirstTime() {
        String key = newKey();
        String body = RequestBodies.lead("360802", "重放测试有限公司", null);
        long before = events();

        CommandHttp.Answer first = http.post("front", "/api/projects", body, "Idempotency-Key", key);
        CommandHttp.Answer again = http.post("front", "/api/projects", body, "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(eventsOf(first.json().get("id").asText())).isEqualTo(1);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void anUpdateReplaysItsStatusBodyAndETag() {
        String id = newLead();
        String key = newKey();

        CommandHttp.Answer first = http.post("front", "/api/projects/" + id + "/negotiation", "{\"occurredOn\":\"2026-03-10\"}",
                "Idempotency-Key", key);
        CommandHttp.Answer again = http.post("front", "/api/projects/" + id + "/negotiation", "{\"occurredOn\":\"2026-03-10\"}",
                "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"1\"");
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void theAnswerIsRecordedWithTheCommandsEvents() {
        String key = newKey();
        CommandHttp.Answer answer = http.post("front", "/api/projects", RequestBodies.lead("360802", "记录测试有限公司", null),
                "Idempotency-Key", key);

        Map<String, Object> record = jdbc.queryForMap(
                "SELECT state, response_status, response_body, location, etag, completed_at FROM idempotency_record "
                        + "WHERE owner_user = 'front' AND idem_key = ?", key);
        assertThat(record.get("state")).isEqualTo("COMPLETED");
        assertThat(record.get("response_status")).isEqualTo(201);
        assertThat(record.get("response_body")).isEqualTo(answer.text());
        assertThat(record.get("location")).isEqualTo(answer.header("Location"));
        assertThat(record.get("etag")).isNull();
        assertThat(record.get("completed_at")).isNotNull();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        String key = newKey();
        http.post("front", "/api/projects", RequestBodies.lead("360802", "第一家公司", null), "Idempotency-Key", key);
        long before = events();

        CommandHttp.Answer other = http.post("front", "/api/projects", RequestBodies.lead("360802", "另一家公司", null),
                "Idempotency-Key", key);

        assertProblem(other, 422, "idempotency-key-reused");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theSameKeyOnAnotherRouteIsAnotherRequest() {
        String id = newLead();
        String key = newKey();
        http.post("front", "/api/projects/" + id + "/negotiation", "{\"occurredOn\":\"2026-03-10\"}", "Idempotency-Key", key);

        CommandHttp.Answer other = http.post("front", "/api/projects/" + id + "/construction-start",
                "{\"occurredOn\":\"2026-03-10\"}", "Idempotency-Key", key);

        assertProblem(other, 422, "idempotency-key-reused");
    }

    @Test
    void aKeyStillInFlightIs409AndSendsNothing() {
        String id = newLead();
        String key = newKey();
        String path = "/api/projects/" + id + "/negotiation";
        String body = "{\"occurredOn\":\"2026-03-10\"}";
        claim("front", key, path, body, Instant.now());

        CommandHttp.Answer answer = http.post("front", path, body, "Idempotency-Key", key);

        assertProblem(answer, 409, "idempotency-key-in-flight");
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void aKeyHeldByARunningCommandsTransactionIs409AndSendsNothing() throws Exception {
        String id = newLead();
        String key = newKey();
        String path = "/api/projects/" + id + "/negotiation";
        String body = "{\"occurredOn\":\"2026-03-10\"}";
        CommandHttp.Answer answer;
        try (Connection running = jdbc.getDataSource().getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement lock = running.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
                lock.setString(1, "front");
                lock.setString(2, key);
                lock.execute();
            }
            answer = http.post("front", path, body, "Idempotency-Key", key);
            running.rollback();
        }

        assertProblem(answer, 409, "idempotency-key-in-flight");
        assertThat(eventsOf(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE owner_user = 'front' AND idem_key = ?",
                Integer.class, key)).isZero();
    }

    @Test
    void aStaleClaimIsTakenOverByTheRetry() {
        String id = newLead();
        String key = newKey();
        String path = "/api/projects/" + id + "/negotiation";
        String body = "{\"occurredOn\":\"2026-03-10\"}";
        claim("front", key, path, body, Instant.now().minus(Duration.ofMinutes(3)));

        CommandHttp.Answer answer = http.post("front", path, body, "Idempotency-Key", key);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(eventsOf(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT state FROM idempotency_record WHERE owner_user = 'front' AND idem_key = ?",
                String.class, key)).isEqualTo("COMPLETED");
    }

    @Test
    void aRefusalIsRememberedAndAnsweredTheSameWay() {
        String id = newLead();
        String key = newKey();
        String path = "/api/projects/" + id + "/construction-start";

        CommandHttp.Answer first = http.post("front", path, "{\"occurredOn\":\"2026-05-20\"}", "Idempotency-Key", key);
        CommandHttp.Answer again = http.post("front", path, "{\"occurredOn\":\"2026-05-20\"}", "Idempotency-Key", key);

        assertProblem(first, 409, "illegal-transition");
        assertProblem(again, 409, "illegal-transition");
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header(CommandAnswer.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.json().get("instance").asText()).isEqualTo(path);
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() {
        String key = newKey();
        String body = RequestBodies.lead("360802", "两位用户有限公司", null);

        CommandHttp.Answer mine = http.post("front", "/api/projects", body, "Idempotency-Key", key);
        CommandHttp.Answer theirs = http.post("front2", "/api/projects", body, "Idempotency-Key", key);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("id").asText()).isNotEqualTo(mine.json().get("id").asText());
    }

    /** A claim as phase A writes it, for a request that is still running (or crashed). */
    private void claim(String user, String key, String path, String body, Instant at) {
        Actor actor = new Actor(user, Role.FRONT_OFFICE, new UnitId("360802"));
        String fingerprint = new CommandContext(actor, "POST", path, body.getBytes(StandardCharsets.UTF_8), key, null, true)
                .fingerprint();
        jdbc.update("INSERT INTO idempotency_record (owner_user, idem_key, fingerprint, state, claim_token, created_at) "
                + "VALUES (?, ?, ?, 'IN_FLIGHT', ?, ?)", user, key, fingerprint, UUID.randomUUID().toString(), Timestamp.from(at));
    }
}
