package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side on a random port over a real PostgreSQL, with one user per role (front offices of the city 360800,
 * its district 360802 and the sibling district 360803; verifiers and inspectors of the city and of 360803). Subclasses share the context
 * (and so the database): they use fresh ids and count rows of their own aggregates only.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.users[0].username=admin",
                "ledger.security.users[0].password={noop}admin-pw",
                "ledger.security.users[0].role=ADMIN",
                "ledger.security.users[0].unit-id=360800",
                "ledger.security.users[1].username=front",
                "ledger.security.users[1].password={noop}front-pw",
                "ledger.security.users[1].role=FRONT_OFFICE",
                "ledger.security.users[1].unit-id=360802",
                "ledger.security.users[2].username=front2",
                "ledger.security.users[2].password={noop}front2-pw",
                "ledger.security.users[2].role=FRONT_OFFICE",
                "ledger.security.users[2].unit-id=360802",
                "ledger.security.users[3].username=verifier",
                "ledger.security.users[3].password={noop}verifier-pw",
                "ledger.security.users[3].role=VERIFIER",
                "ledger.security.users[3].unit-id=360800",
                "ledger.security.users[4].username=leader",
                "ledger.security.users[4].password={noop}leader-pw",
                "ledger.security.users[4].role=LEADER",
                "ledger.security.users[4].unit-id=360800",
                "ledger.security.users[5].username=inspector",
                "ledger.security.users[5].password={noop}inspector-pw",
                "ledger.security.users[5].role=INSPECTOR",
                "ledger.security.users[5].unit-id=360800",
                "ledger.security.users[6].username=front-city",
                "ledger.security.users[6].password={noop}front-city-pw",
                "ledger.security.users[6].role=FRONT_OFFICE",
                "ledger.security.users[6].unit-id=360800",
                "ledger.security.users[7].username=front-sibling",
                "ledger.security.users[7].password={noop}front-sibling-pw",
                "ledger.security.users[7].role=FRONT_OFFICE",
                "ledger.security.users[7].unit-id=360803",
                "ledger.security.users[8].username=verifier-sibling",
                "ledger.security.users[8].password={noop}verifier-sibling-pw",
                "ledger.security.users[8].role=VERIFIER",
                "ledger.security.users[8].unit-id=360803",
                "ledger.security.users[9].username=inspector-sibling",
                "ledger.security.users[9].password={noop}inspector-sibling-pw",
                "ledger.security.users[9].role=INSPECTOR",
                "ledger.security.users[9].unit-id=360803",
        })
abstract class CommandWebTestBase {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("commandweb");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    CommandHttp http;

    @BeforeEach
    void client() {
        http = new CommandHttp(port);
        for (String[] unit : new String[][]{{"360800", null}, {"360802", "360800"}, {"360803", "360800"}}) {
            if (jdbc.queryForObject("SELECT count(*) FROM unit_directory WHERE unit_id = ?", Long.class, unit[0]) == 0) {
                CommandHttp.Answer answer = http.post("admin", "/api/units", RequestBodies.unit(unit[0], unit[1]));
                assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            }
        }
    }

    /** A new lead of unit 360802 by the front office; answers its id. */
    String newLead() {
        CommandHttp.Answer answer = http.post("front", "/api/projects", RequestBodies.lead("360802", "某某材料有限公司", null));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    /**
     * The events that requests stored. Not counted: the facts rule deadlines record when they fall due — the deadlines
     * of projects and cases other tests created fire in the background (db-scheduler polls), at any moment of a test
     * that checks a refused request stored nothing.
     */
    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype !~ ?", Long.class,
                DEADLINE_FACTS);
    }

    private static final String DEADLINE_FACTS = "\\.(ConstructionDeadlineWarningIssuedEvent|ConstructionOverdueEvent"
            + "|ProjectStalledAfterSigningEvent|IdleLandFoundEvent|LandReclaimProposedEvent|ComplaintEscalatedEvent"
            + "|SupervisionCaseOverdueEvent|SupervisionCaseReportMissedEvent|ApprovalDeemedGrantedEvent)$";

    long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregateId);
    }

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    static void assertProblem(CommandHttp.Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/" + slug);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("title").asText()).isNotBlank();
        assertThat(answer.json().get("detail").asText()).isNotBlank();
    }
}
