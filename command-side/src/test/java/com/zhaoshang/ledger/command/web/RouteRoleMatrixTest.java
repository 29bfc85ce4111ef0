package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.command.common.LedgerTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command route as every caller, against a target of unit 360802 (a district of the city 360800; 360803 is its
 * sibling): no credentials, front offices of the unit, of its parent and of its sibling, verifiers and inspectors of
 * the city and of the sibling, a leader, an admin. Each refusal is a 401/403 problem, stores nothing and is recorded
 * in {@code security_denial}. The outcomes must equal the table in {@code docs/SECURITY.md}, which this test checks
 * (and prints, when they differ, as it should read).
 */
class RouteRoleMatrixTest extends CommandWebTestBase {

    static final List<String> CALLERS = List.of("anonymous", "front", "front-city", "front-sibling", "verifier",
            "verifier-sibling", "leader", "inspector", "inspector-sibling", "admin");
    private static final Path DOC = Path.of("..", "docs", "SECURITY.md");
    private static final String START = "<!-- route-role-table:start -->";
    private static final String END = "<!-- route-role-table:end -->";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The district's natural-resources bureau, a DEPARTMENT below 360802, registered once per test database. */
    static final String DEPARTMENT = "jz-zrzyj";

    @Autowired
    Clock clock;

    enum Target { NONE, PROJECT, ARRIVAL, CASE, COMPLAINT, APPROVAL }

    /** A route: its path with {id} and {arrival}, the target it needs, a valid body and a user who may send it. */
    record Route(String path, Target target, String body, String user) {
    }

    static List<Route> routes(LocalDate today) {
        String occurred = "{\"occurredOn\":\"" + today + "\"}";
        String step = "{\"note\":\"已办理\",\"occurredOn\":\"" + today + "\"}";
        String ending = "{\"reason\":\"投资方调整计划\",\"occurredOn\":\"" + today + "\"}";
        return List.of(
                new Route("/api/units", Target.NONE, null, "admin"),
                new Route("/api/campaigns", Target.NONE, """
                        {"name":"百日会战","from":"2026-07-01","to":"2026-09-30",
                         "targets":[{"unitId":"360802","indicator":"LEADS_COLLECTED","target":10}]}""", "admin"),
                new Route("/api/bulletins", Target.NONE,
                        "{\"peerGroup\":\"district\",\"from\":\"2026-07-01\",\"to\":\"2026-09-30\",\"title\":\"第三季度评比\"}", "admin"),
                new Route("/api/projects", Target.NONE, null, "front"),
                new Route("/api/projects/{id}/negotiation", Target.PROJECT, occurred, "front"),
                new Route("/api/projects/{id}/intent", Target.PROJECT,
                        "{\"amount\":{\"amount\":\"100000000\",\"currency\":\"CNY\"},\"occurredOn\":\"" + today + "\"}", "front"),
                new Route("/api/projects/{id}/signing", Target.PROJECT,
                        "{\"contractAmount\":{\"amount\":\"92900000.00\",\"currency\":\"CNY\"},"
                                + "\"responsibleLeader\":{\"name\":\"张伟\",\"title\":\"副区长\"},\"occurredOn\":\"" + today + "\"}", "front"),
                new Route("/api/projects/{id}/registration", Target.PROJECT,
                        "{\"evidence\":{\"kind\":\"CONTRACT_DOCUMENTS\",\"reference\":\"JZ-1\"},\"occurredOn\":\"" + today + "\"}", "verifier"),
                new Route("/api/projects/{id}/land", Target.PROJECT,
                        "{\"parcelId\":\"JZ-05\",\"areaMu\":\"85.5\",\"occurredOn\":\"" + today + "\"}", "front"),
                new Route("/api/projects/{id}/construction-start", Target.PROJECT, occurred, "front"),
                new Route("/api/projects/{id}/capital-arrivals", Target.PROJECT,
                        "{\"amount\":{\"amount\":\"3000\",\"currency\":\"CNY\"},\"occurredOn\":\"" + today + "\"}", "front"),
                new Route("/api/projects/{id}/capital-arrivals/{arrival}/verification", Target.ARRIVAL,
                        "{\"verifiedAmount\":{\"amount\":\"2800\",\"currency\":\"CNY\"},"
                                + "\"evidence\":{\"kind\":\"BANK_RECEIPT\",\"reference\":\"ICBC-1\"}}", "verifier"),
                new Route("/api/projects/{id}/completion", Target.PROJECT, occurred, "front"),
                new Route("/api/projects/{id}/production-start", Target.PROJECT, occurred, "front"),
                new Route("/api/projects/{id}/abandonment", Target.PROJECT, ending, "front"),
                new Route("/api/projects/{id}/termination", Target.PROJECT, ending, "front"),
                new Route("/api/projects/{id}/responsible-leader", Target.PROJECT,
                        "{\"responsibleLeader\":{\"name\":\"李强\",\"title\":\"区长\"},\"occurredOn\":\"" + today + "\"}", "front"),
                new Route("/api/projects/{id}/land-reclamation", Target.PROJECT, ending, "inspector"),
                new Route("/api/activities", Target.NONE, RequestBodies.activity("360802"), "front"),
                new Route("/api/complaints", Target.NONE, complaintBody(today), "front"),
                new Route("/api/complaints/{id}/answer", Target.COMPLAINT,
                        "{\"answer\":\"已协调办理\",\"occurredOn\":\"" + today + "\"}", "front"),
                new Route("/api/approvals", Target.PROJECT, approvalBody(today, "{id}"), "front"),
                new Route("/api/approvals/{id}/decision", Target.APPROVAL,
                        "{\"granted\":true,\"reason\":\"材料齐全，同意\",\"occurredOn\":\"" + today + "\"}", "front"),
                new Route("/api/supervision-cases", Target.NONE, caseBody(today), "inspector"),
                new Route("/api/supervision-cases/{id}/review", Target.CASE, step, "leader"),
                new Route("/api/supervision-cases/{id}/issue", Target.CASE, step, "inspector"),
                new Route("/api/supervision-cases/{id}/acknowledgement", Target.CASE, step, "front"),
                new Route("/api/supervision-cases/{id}/handling", Target.CASE, step, "front"),
                new Route("/api/supervision-cases/{id}/report", Target.CASE, step, "front"),
                new Route("/api/supervision-cases/{id}/recheck", Target.CASE, step, "inspector"),
                new Route("/api/supervision-cases/{id}/closing", Target.CASE, step, "inspector"));
    }

    @BeforeEach
    void department() {
        ensureDepartment(jdbc, http);
    }

    /** Registers {@link #DEPARTMENT} unless this test database has it. */
    static void ensureDepartment(JdbcTemplate jdbc, CommandHttp http) {
        if (jdbc.queryForObject("SELECT count(*) FROM unit_directory WHERE unit_id = ?", Long.class, DEPARTMENT) == 0) {
            CommandHttp.Answer answer = http.post("admin", "/api/units", "{\"id\":\"" + DEPARTMENT
                    + "\",\"name\":\"吉州区自然资源局\",\"kind\":\"DEPARTMENT\",\"parentId\":\"360802\","
                    + "\"peerGroup\":\"departments\"}");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        }
    }

    @Test
    void everyRouteAsEveryCallerMatchesTheDocumentedTable() throws IOException {
        Map<String, List<String>> outcomes = new LinkedHashMap<>();
        for (Route route : routes(LedgerTime.today(clock))) {
            List<String> row = new ArrayList<>();
            String[] target = null;
            for (String caller : CALLERS) {
                if (target == null) {
                    target = newTarget(route.target());
                }
                String path = route.path().replace("{id}", target[0]).replace("{arrival}", target[1]);
                long before = events();
                long deniedBefore = denials();
                String body = body(route).replace("{id}", target[0]);
                CommandHttp.Answer answer = http.post("anonymous".equals(caller) ? null : caller, path, body);
                if (answer.status() == 401 || answer.status() == 403) {
                    assertProblem(answer, answer.status(), answer.status() == 401 ? "unauthenticated" : "forbidden");
                    assertThat(events()).as(caller + " " + path + " stored nothing").isEqualTo(before);
                    assertThat(denials()).as(caller + " " + path + " was recorded").isEqualTo(deniedBefore + 1);
                    row.add(String.valueOf(answer.status()));
                } else {
                    assertThat(answer.status()).as(caller + " " + path + ": " + answer).isBetween(200, 499);
                    row.add("ok");
                    target = null;
                }
            }
            outcomes.put("POST " + route.path(), row);
        }
        String expected = table(outcomes);
        String documented = documentedTable();
        assertThat(documented)
                .as("docs/SECURITY.md's route × role table must read (between the markers):%n%s", expected)
                .isEqualTo(expected);
    }

    static String body(Route route) {
        if (route.path().equals("/api/units")) {
            return RequestBodies.unit("m-" + UUID.randomUUID().toString().substring(0, 8), "360800");
        }
        if (route.path().equals("/api/projects")) {
            return RequestBodies.lead("360802", "矩阵测试" + SEQUENCE.incrementAndGet() + "有限公司", null);
        }
        return route.body();
    }

    private String[] newTarget(Target target) {
        return newTarget(http, LedgerTime.today(clock), target);
    }

    /** A fresh aggregate of unit 360802: {id, arrival}. */
    static String[] newTarget(CommandHttp http, LocalDate today, Target target) {
        return switch (target) {
            case NONE -> new String[]{"", ""};
            case PROJECT -> new String[]{lead(http), ""};
            case ARRIVAL -> {
                String project = lead(http);
                CommandHttp.Answer signed = http.post("front", "/api/projects/" + project + "/signing",
                        "{\"contractAmount\":{\"amount\":\"92900000.00\",\"currency\":\"CNY\"},"
                                + "\"responsibleLeader\":{\"name\":\"张伟\",\"title\":\"副区长\"},\"occurredOn\":\"" + today + "\"}");
                assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
                CommandHttp.Answer arrival = http.post("front", "/api/projects/" + project + "/capital-arrivals",
                        "{\"amount\":{\"amount\":\"3000\",\"currency\":\"CNY\"},\"occurredOn\":\"" + today + "\"}");
                assertThat(arrival.status()).as(arrival.toString()).isEqualTo(201);
                yield new String[]{project, arrival.json().get("id").asText()};
            }
            case CASE -> new String[]{created(http, "inspector", "/api/supervision-cases", caseBody(today)), ""};
            case COMPLAINT -> new String[]{created(http, "front", "/api/complaints", complaintBody(today)), ""};
            case APPROVAL -> new String[]{created(http, "front", "/api/approvals", approvalBody(today, lead(http))), ""};
        };
    }

    private static String lead(CommandHttp http) {
        return created(http, "front", "/api/projects",
                RequestBodies.lead("360802", "矩阵测试" + SEQUENCE.incrementAndGet() + "有限公司", null));
    }

    private static String created(CommandHttp http, String user, String path, String body) {
        CommandHttp.Answer answer = http.post(user, path, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    /** An approval asked of the district's own department (the lead is industrial, 1.2亿 CNY: deemed-grant applies). */
    private static String approvalBody(LocalDate today, String projectId) {
        return "{\"projectId\":\"" + projectId + "\",\"departmentUnitId\":\"" + DEPARTMENT + "\","
                + "\"subject\":\"建设用地规划许可\",\"timeLimitDays\":10,\"occurredOn\":\"" + today + "\"}";
    }

    private static String complaintBody(LocalDate today) {
        return "{\"unitId\":\"360802\",\"complainant\":\"阿尔法新材料有限公司\",\"subject\":\"用地手续迟迟未办\","
                + "\"occurredOn\":\"" + today + "\"}";
    }

    private static String caseBody(LocalDate today) {
        return """
                {"subject":"年产5万吨新材料项目超期未开工","leadUnitId":"360802",
                 "responsibleLeader":{"name":"王明","title":"副区长"},"deadlineOn":"%s",
                 "reportingFrequencyDays":7,"occurredOn":"%s"}""".formatted(today.plusDays(30), today);
    }

    private long denials() {
        return jdbc.queryForObject("SELECT count(*) FROM security_denial", Long.class);
    }

    static String table(Map<String, List<String>> outcomes) {
        StringBuilder table = new StringBuilder("| route | ").append(String.join(" | ", CALLERS)).append(" |\n|---|");
        table.append("---|".repeat(CALLERS.size())).append('\n');
        outcomes.forEach((route, row) -> table.append("| `").append(route).append("` | ")
                .append(String.join(" | ", row)).append(" |\n"));
        return table.toString();
    }

    private static String documentedTable() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("docs/SECURITY.md has the marker " + START).isNotNegative();
        assertThat(end).as("docs/SECURITY.md has the marker " + END).isGreaterThan(start);
        return doc.substring(start + START.length(), end).strip() + "\n";
    }
}
