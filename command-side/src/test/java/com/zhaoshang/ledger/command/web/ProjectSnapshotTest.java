package com.zhaoshang.ledger.command.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of a project with a long history (SnapshotConfiguration, threshold 50 by default): a snapshot is stored
 * once a load read more events than the threshold, and a project loaded from it keeps every rule's state (its
 * arrivals, verified or not) and its version.
 */
class ProjectSnapshotTest extends CommandWebTestBase {

    @Test
    void aLongHistoryIsSnapshottedAndTheProjectLoadedFromTheSnapshotKeepsItsState() {
        // signed yesterday: the supervision rules' deadlines (60 and 150 days after the signing) are not due during the test
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        String id = newLead();
        post("front", id, "negotiation", "{\"occurredOn\":\"" + yesterday + "\"}", 200);
        post("front", id, "signing", """
                {"contractAmount":{"amount":"92900000.00","currency":"CNY"},"ceremony":"2026年春季重大项目集中签约会",
                 "responsibleLeader":{"name":"张伟","title":"副区长"},"occurredOn":"%s"}""".formatted(yesterday), 200);
        List<String> arrivals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            CommandHttp.Answer arrival = post("front", id, "capital-arrivals",
                    "{\"amount\":{\"amount\":\"" + (1000 + i) + ".50\",\"currency\":\"CNY\"},\"occurredOn\":\"" + yesterday + "\"}", 201);
            arrivals.add(arrival.json().get("id").asText());
        }
        assertThat(snapshots(id)).as("a snapshot after more than 50 events were loaded").isNotEmpty();
        long snapshotSequence = (Long) snapshots(id).get(0).get("sequencenumber");
        assertThat(snapshotSequence).isBetween(49L, 62L);

        CommandHttp.Answer verified = post("verifier", id, "capital-arrivals/" + arrivals.get(0) + "/verification",
                "{\"verifiedAmount\":{\"amount\":\"1000.50\",\"currency\":\"CNY\"},"
                        + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"SNAP-1\"}}", 200);
        assertThat(verified.json().get("version").asLong()).isEqualTo(63);
        post("verifier", id, "capital-arrivals/" + arrivals.get(0) + "/verification",
                "{\"verifiedAmount\":{\"amount\":\"1000.50\",\"currency\":\"CNY\"},"
                        + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"SNAP-2\"}}", 409);
        CommandHttp.Answer tooMuch = post("verifier", id, "capital-arrivals/" + arrivals.get(1) + "/verification",
                "{\"verifiedAmount\":{\"amount\":\"1001.51\",\"currency\":\"CNY\"},"
                        + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"SNAP-3\"}}", 422);
        assertThat(tooMuch.text()).contains("rule-violated");
        post("front", id, "negotiation", "{\"occurredOn\":\"" + yesterday + "\"}", 409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, id)).isEqualTo(64);
    }

    private CommandHttp.Answer post(String user, String id, String route, String body, int status) {
        CommandHttp.Answer answer = http.post(user, "/api/projects/" + id + "/" + route, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    private List<Map<String, Object>> snapshots(String id) {
        return jdbc.queryForList("SELECT sequencenumber, payloadtype FROM snapshotevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber DESC", id);
    }
}
