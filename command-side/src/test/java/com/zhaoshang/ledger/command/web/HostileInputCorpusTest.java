package com.zhaoshang.ledger.command.web;

import com.zhaoshang.ledger.command.common.LedgerTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile inputs replayed against every command route as a user who may send it, on targets of its own
 * unit: each answer is 4xx {@code application/problem+json}, nothing is stored, and the service stays healthy (a valid
 * command succeeds afterwards). docs/SECURITY.md lists the corpus's families.
 */
class HostileInputCorpusTest extends CommandWebTestBase {

    private static final String MEGABYTE = "汉".repeat(350_000);
    private static final String SQL = "'; DROP TABLE domainevententry; --";
    private static final String TAUTOLOGY = "x' OR '1'='1";
    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    Clock clock;

    /** Bodies that are wrong whatever the route. */
    private static Map<String, String> everyRoute(String valid) {
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("truncated JSON", "{\"occurredOn\":");
        corpus.put("not JSON", "occurredOn=2026-03-10");
        corpus.put("an array", "[]");
        corpus.put("a string", "\"text\"");
        corpus.put("null", "null");
        corpus.put("an empty body", "");
        corpus.put("an empty object", "{}");
        corpus.put("a control character in the JSON", "{\u0001}");
        corpus.put("a trailing second document", (valid == null ? "{}" : valid) + " {}");
        corpus.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        corpus.put("a 1 MB string", "{\"occurredOn\":\"" + MEGABYTE + "\"}");
        if (valid != null && valid.startsWith("{")) {
            corpus.put("a recording time", inject(valid, "\"recordedAt\":\"2026-01-01T00:00:00Z\""));
            corpus.put("an actor", inject(valid, "\"actor\":{\"userId\":\"admin\",\"role\":\"ADMIN\"}"));
            corpus.put("a user id", inject(valid, "\"userId\":\"admin\""));
            corpus.put("a hash", inject(valid, "\"hash\":\"00ff\""));
            corpus.put("a previous hash", inject(valid, "\"previousHash\":\"00ff\""));
            corpus.put("a version", inject(valid, "\"version\":7"));
            corpus.put("a verified amount", inject(valid, "\"verifiedAmount\":{\"amount\":\"1\",\"currency\":\"CNY\"}"));
            corpus.put("an unknown field", inject(valid, "\"__proto__\":{\"admin\":true}"));
        }
        return corpus;
    }

    /** Field by field, on the routes that carry such fields. */
    private static Map<String, String> fieldCorpus(String path, String valid, LocalDate today) {
        Map<String, String> corpus = new LinkedHashMap<>();
        if (path.equals("/api/projects")) {
            String lead = valid;
            corpus.put("negative amount", lead.replace("\"120000000\"", "\"-120000000\""));
            corpus.put("zero amount", lead.replace("\"120000000\"", "\"0\""));
            corpus.put("oversized amount", lead.replace("\"120000000\"", "\"1" + "0".repeat(40) + "\""));
            corpus.put("too many decimals", lead.replace("\"120000000\"", "\"120000000.123\""));
            corpus.put("exponent amount", lead.replace("\"120000000\"", "\"1e400\""));
            corpus.put("amount as a boolean", lead.replace("\"120000000\"", "true"));
            corpus.put("unknown currency", lead.replace("\"CNY\"", "\"EUR\""));
            corpus.put("lower-case currency", lead.replace("\"CNY\"", "\"cny\""));
            corpus.put("unknown channel", lead.replace("DOOR_TO_DOOR", "TELEPATHY"));
            corpus.put("unknown investor kind", lead.replace("PRIVATE", "ALIEN"));
            corpus.put("invalid credit code", lead.replace("\"kind\":\"PRIVATE\"",
                    "\"creditCode\":\"91360802MA38K2PQ1X\",\"kind\":\"PRIVATE\""));
            corpus.put("credit code with SQL", lead.replace("\"kind\":\"PRIVATE\"",
                    "\"creditCode\":\"" + TAUTOLOGY + "\",\"kind\":\"PRIVATE\""));
            corpus.put("invalid industry code", lead.replace("C3011", "Z9999"));
            corpus.put("industry code with script", lead.replace("C3011", SCRIPT));
            corpus.put("unit id with SQL", lead.replace("\"360802\"", "\"360802' OR '1'='1\""));
            corpus.put("unit id as a number", lead.replace("\"360802\"", "360802"));
            corpus.put("date far in the past", lead.replace("2026-03-02", "1900-01-01"));
            corpus.put("date far in the future", lead.replace("2026-03-02", "9999-12-31"));
            corpus.put("impossible date", lead.replace("2026-03-02", "2026-02-30"));
            corpus.put("date with a time", lead.replace("2026-03-02", "2026-03-02T00:00:00Z"));
            corpus.put("SQL in the name", lead.replace("矩阵测试", SQL));
            corpus.put("tautology in the names", lead.replace("矩阵测试", TAUTOLOGY));
            corpus.put("script in the name", lead.replace("矩阵测试", SCRIPT));
            corpus.put("control character in the name", lead.replace("矩阵测试", "矩阵\\u0007测试"));
            corpus.put("NUL in the name", lead.replace("矩阵测试", "矩阵\\u0000测试"));
            corpus.put("bidi override in the name", lead.replace("矩阵测试", "矩阵\\u202e测试"));
            corpus.put("broken surrogate in the name", lead.replace("矩阵测试", "矩阵\\ud800测试"));
            corpus.put("a 200 KB name", lead.replace("矩阵测试", "汉".repeat(70_000)));
            corpus.put("name missing", lead.replaceFirst("\"name\":\"[^\"]*\",", ""));
            corpus.put("name as an object", lead.replaceFirst("\"name\":\"[^\"]*\",", "\"name\":{\"\\$gt\":\"\"},"));
        }
        if (path.endsWith("/intent") || path.endsWith("/capital-arrivals")) {
            String amount = path.endsWith("/intent") ? "100000000" : "3000";
            corpus.put("negative amount", valid.replace("\"" + amount + "\"", "\"-1\""));
            corpus.put("too many decimals", valid.replace("\"" + amount + "\"", "\"1.001\""));
            corpus.put("oversized amount", valid.replace("\"" + amount + "\"", "\"99999999999999999999\""));
            corpus.put("amount not a number", valid.replace("\"" + amount + "\"", "\"NaN\""));
            corpus.put("amount infinite", valid.replace("\"" + amount + "\"", "\"Infinity\""));
            corpus.put("a duplicated amount", valid.replace("\"amount\":{", "\"amount\":{\"amount\":\"1\",\"currency\":\"CNY\"},\"amount\":{"));
            corpus.put("unknown currency", valid.replace("\"CNY\"", "\"BTC\""));
        }
        if (path.endsWith("/land")) {
            corpus.put("negative area", valid.replace("\"85.5\"", "\"-85.5\""));
            corpus.put("too precise area", valid.replace("\"85.5\"", "\"85.123456\""));
            corpus.put("script parcel", valid.replace("JZ-05", SCRIPT));
        }
        if (path.endsWith("/verification")) {
            corpus.put("negative verified amount", valid.replace("\"2800\"", "\"-2800\""));
            corpus.put("unknown evidence kind", valid.replace("BANK_RECEIPT", "HEARSAY"));
            corpus.put("SQL evidence reference", valid.replace("ICBC-1", SQL));
        }
        if (path.endsWith("/negotiation") || path.endsWith("/construction-start")) {
            corpus.put("date far in the future", valid.replace(today.toString(), "2999-01-01"));
            corpus.put("date far in the past", valid.replace(today.toString(), "0001-01-01"));
            corpus.put("date as a number", valid.replace("\"" + today + "\"", "20260310"));
        }
        if (path.endsWith("/abandonment") || path.endsWith("/termination")) {
            corpus.put("SQL reason", valid.replace("投资方调整计划", "x; DELETE FROM domainevententry"));
            corpus.put("script reason", valid.replace("投资方调整计划", "<img src=x onerror=alert(1)>"));
        }
        if (path.equals("/api/units")) {
            corpus.put("unit id with SQL", "{\"id\":\"1' OR '1'='1\",\"name\":\"测试市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}");
            corpus.put("unknown unit kind", "{\"id\":\"c-1\",\"name\":\"测试市\",\"kind\":\"EMPIRE\",\"peerGroup\":\"city\"}");
        }
        if (path.equals("/api/supervision-cases")) {
            corpus.put("negative frequency", valid.replace("\"reportingFrequencyDays\":7", "\"reportingFrequencyDays\":-7"));
            corpus.put("frequency as text", valid.replace("\"reportingFrequencyDays\":7", "\"reportingFrequencyDays\":\"7; DROP\""));
        }
        return corpus;
    }

    @Test
    void everyHostileInputToEveryRouteIs4xxProblemJsonAndStoresNothing() {
        LocalDate today = LedgerTime.today(clock);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        RouteRoleMatrixTest.ensureDepartment(jdbc, http);
        for (RouteRoleMatrixTest.Route route : RouteRoleMatrixTest.routes(today)) {
            String[] target = RouteRoleMatrixTest.newTarget(http, today, route.target());
            String path = route.path().replace("{id}", target[0]).replace("{arrival}", target[1]);
            String valid = RouteRoleMatrixTest.body(route).replace("{id}", target[0]);
            Map<String, String> corpus = everyRoute(valid);
            corpus.putAll(fieldCorpus(route.path(), valid, today));
            for (Map.Entry<String, String> hostile : corpus.entrySet()) {
                long before = events();
                CommandHttp.Answer answer = http.post(route.user(), path, hostile.getValue());
                sent++;
                boolean problem = answer.status() >= 400 && answer.status() < 500
                        && answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
                if (!problem || events() != before) {
                    failures.add(route.path() + " with " + hostile.getKey() + ": " + answer.status() + " "
                            + abbreviate(answer.text()) + (events() != before ? " (stored events!)" : ""));
                }
            }
        }
        assertThat(failures).as("hostile inputs that were not refused as 4xx problems").isEmpty();
        assertThat(sent).isGreaterThan(500);

        CommandHttp.Answer health = http.send(null, "GET", "/actuator/health", null, null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(newLead()).isNotBlank();
    }

    @Test
    void anOversizedBodyIs413BeforeItIsRead() {
        long before = events();
        CommandHttp.Answer answer = http.post("front", "/api/projects",
                RequestBodies.lead("360802", "超大请求有限公司", null).replace("\"occurredOn\"",
                        "\"padding\":\"" + "x".repeat(300_000) + "\",\"occurredOn\""));
        assertProblem(answer, 413, "payload-too-large");
        assertThat(events()).isEqualTo(before);
    }

    private static String inject(String json, String member) {
        return "{" + member + "," + json.strip().substring(1);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
