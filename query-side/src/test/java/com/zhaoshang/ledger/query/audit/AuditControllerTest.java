package com.zhaoshang.ledger.query.audit;

import com.zhaoshang.ledger.query.QuerySideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static com.zhaoshang.ledger.query.audit.ChainedEventFixture.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "ledger.security.users[0].username=wang.inspector",
        "ledger.security.users[0].password={noop}inspector-secret",
        "ledger.security.users[0].role=INSPECTOR",
        "ledger.security.users[0].unit-id=360800",
        "ledger.security.users[1].username=li.admin",
        "ledger.security.users[1].password={noop}admin-secret",
        "ledger.security.users[1].role=ADMIN",
        "ledger.security.users[1].unit-id=360800",
        "ledger.security.users[2].username=zhao.leader",
        "ledger.security.users[2].password={noop}leader-secret",
        "ledger.security.users[2].role=LEADER",
        "ledger.security.users[2].unit-id=360800",
        "ledger.security.users[3].username=front.chen",
        "ledger.security.users[3].password={noop}front-secret",
        "ledger.security.users[3].role=FRONT_OFFICE",
        "ledger.security.users[3].unit-id=360802"})
@AutoConfigureMockMvc
class AuditControllerTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("auditroutes");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final RequestPostProcessor INSPECTOR = httpBasic("wang.inspector", "inspector-secret");
    private static final RequestPostProcessor ADMIN = httpBasic("li.admin", "admin-secret");
    private static final RequestPostProcessor LEADER = httpBasic("zhao.leader", "leader-secret");
    private static Connection connection;
    private static ChainedEventFixture fixture;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
        registry.add("ledger.audit.checkpoint-key", () -> ChainedEventFixture.KEY);
    }

    @BeforeAll
    static void commandStore() throws SQLException {
        ChainedEventFixture.createCommandStore(DB);
        connection = ChainedEventFixture.connect(DB);
        fixture = new ChainedEventFixture(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Autowired
    MockMvc mvc;

    private List<Long> indexes;

    @BeforeEach
    void log() throws SQLException {
        fixture.clear();
        fixture.sql("TRUNCATE audit_access_log");
        indexes = fixture.append(List.of(
                event("p-1", "com.zhaoshang.ledger.api.project.LeadRegisteredEvent",
                        "{\"projectId\":\"p-1\",\"projectName\":\"锂电池\",\"occurredOn\":\"2026-02-20\","
                                + "\"intendedAmount\":{\"amount\":120000000.00,\"currency\":\"CNY\"}}",
                        "front.chen", "360802", T0),
                event("p-2", "com.zhaoshang.ledger.api.project.LeadRegisteredEvent",
                        "{\"projectId\":\"p-2\",\"occurredOn\":\"2026-02-21\"}", "front.chen", "360802",
                        T0.plusSeconds(10)),
                event("p-1", "com.zhaoshang.ledger.api.project.ProjectSignedEvent",
                        "{\"projectId\":\"p-1\",\"occurredOn\":\"2026-02-25\"}", "front.liu", "360803",
                        T0.plusSeconds(20))));
        fixture.seal(T0.plusSeconds(90));
    }

    @Test
    void aProjectsHistoryShowsEveryFactWithItsOwnerBothTimesItsSequenceAndHash() throws Exception {
        mvc.perform(get("/api/audit/projects/p-1/events").with(INSPECTOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projectId").value("p-1"))
                .andExpect(jsonPath("$.events", hasSize(2)))
                .andExpect(jsonPath("$.events[0].type").value("LeadRegisteredEvent"))
                .andExpect(jsonPath("$.events[0].sequence").value(0))
                .andExpect(jsonPath("$.events[0].payload.projectName").value("锂电池"))
                .andExpect(content().string(containsString("\"intendedAmount\":{\"amount\":120000000.00,")))
                .andExpect(jsonPath("$.events[0].occurredOn").value("2026-02-20"))
                .andExpect(jsonPath("$.events[0].recordedAt").value("2026-03-01T08:00:00Z"))
                .andExpect(jsonPath("$.events[0].actor.userId").value("front.chen"))
                .andExpect(jsonPath("$.events[0].actor.role").value("FRONT_OFFICE"))
                .andExpect(jsonPath("$.events[0].actor.unitId").value("360802"))
                .andExpect(jsonPath("$.events[0].hash", matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$.events[1].type").value("ProjectSignedEvent"))
                .andExpect(jsonPath("$.events[1].sequence").value(1))
                .andExpect(jsonPath("$.events[1].actor.userId").value("front.liu"))
                .andExpect(jsonPath("$.events[1].recordedAt").value("2026-03-01T08:00:20Z"));
    }

    @Test
    void anUnknownProjectIsAProblem() throws Exception {
        mvc.perform(get("/api/audit/projects/nope/events").with(INSPECTOR))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anActorsFactsArePagedAndFilteredByRecordingTime() throws Exception {
        mvc.perform(get("/api/audit/actors/front.chen/events").param("size", "1").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.events[0].aggregateIdentifier").value("p-1"));
        mvc.perform(get("/api/audit/actors/front.chen/events").param("size", "1").param("page", "1").with(ADMIN))
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.events[0].aggregateIdentifier").value("p-2"));
        mvc.perform(get("/api/audit/actors/front.chen/events")
                        .param("from", "2026-03-01T08:00:05Z").param("to", "2026-03-01T08:00:15Z").with(ADMIN))
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.events[0].aggregateIdentifier").value("p-2"));
    }

    @Test
    void aUnitsFactsAreThoseItsUsersRecorded() throws Exception {
        mvc.perform(get("/api/audit/units/360803/events").with(INSPECTOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.events[0].type").value("ProjectSignedEvent"))
                .andExpect(jsonPath("$.events[0].actor.unitId").value("360803"));
    }

    @Test
    void badPagingOrTimesAreProblemsAndNothingElse() throws Exception {
        mvc.perform(get("/api/audit/units/360803/events").param("size", "0").with(INSPECTOR))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"));
        mvc.perform(get("/api/audit/units/360803/events").param("from", "yesterday").with(INSPECTOR))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/audit/units/360803/events")
                        .param("from", "2026-03-02T00:00:00Z").param("to", "2026-03-01T00:00:00Z").with(INSPECTOR))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAuditLogIsForInspectorsAndAdminsOnly() throws Exception {
        mvc.perform(get("/api/audit/projects/p-1/events").with(LEADER))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/audit/integrity").with(httpBasic("front.chen", "front-secret")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/integrity"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theIntegrityCheckPassesThenNamesTheRecordWhosePayloadWasUpdated() throws Exception {
        mvc.perform(get("/api/audit/integrity").with(INSPECTOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checkedEvents").value(3))
                .andExpect(jsonPath("$.checkpoint.signature").value("VALID"));

        fixture.sql("UPDATE domainevententry SET payload = convert_to('{\"projectId\":\"p-2\",\"occurredOn\":\"2026-01-01\"}', 'UTF8')"
                + " WHERE globalindex = " + indexes.get(1));

        mvc.perform(get("/api/audit/integrity").with(INSPECTOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.firstFailure.globalIndex").value(indexes.get(1)))
                .andExpect(jsonPath("$.firstFailure.aggregateIdentifier").value("p-2"))
                .andExpect(jsonPath("$.firstFailure.sequenceNumber").value(0))
                .andExpect(jsonPath("$.firstFailure.reason", matchesPattern(".*altered.*")));
    }

    @Test
    void everyAuditQueryIsItselfRecordedTheRefusedOnesToo() throws Exception {
        mvc.perform(get("/api/audit/actors/front.chen/events").param("from", "2026-03-01T00:00:00Z").with(INSPECTOR))
                .andExpect(status().isOk());
        mvc.perform(get("/api/audit/projects/p-1/events").with(LEADER))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/audit/access-log").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accesses", hasSize(3)))
                .andExpect(jsonPath("$.accesses[0].userId").value("li.admin"))
                .andExpect(jsonPath("$.accesses[0].route").value("/api/audit/access-log"))
                .andExpect(jsonPath("$.accesses[1].userId").value("zhao.leader"))
                .andExpect(jsonPath("$.accesses[1].outcome").value("DENIED"))
                .andExpect(jsonPath("$.accesses[1].route").value("/api/audit/projects/p-1/events"))
                .andExpect(jsonPath("$.accesses[2].userId").value("wang.inspector"))
                .andExpect(jsonPath("$.accesses[2].unitId").value("360800"))
                .andExpect(jsonPath("$.accesses[2].roles").value("ROLE_INSPECTOR"))
                .andExpect(jsonPath("$.accesses[2].outcome").value("GRANTED"))
                .andExpect(jsonPath("$.accesses[2].parameters").value("from=2026-03-01T00:00:00Z"));
        mvc.perform(get("/api/audit/access-log").param("userId", "zhao.leader").with(INSPECTOR))
                .andExpect(jsonPath("$.accesses", hasSize(1)));
    }
}
