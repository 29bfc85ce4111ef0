package com.zhaoshang.ledger.single;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operations (issue 9) in the single-process packaging, with JSON logs on (profile {@code json-logs}):
 * a request's {@code X-Correlation-Id} is echoed, stored in its events' metadata and logged by the projection that
 * handles them; {@code /actuator/prometheus} (no login) exposes processor lag per segment, command timers and the
 * deadline backlog; the OpenAPI document lists every route of API.md (a copy under {@code src/test/resources/openapi}).
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.com.zhaoshang.ledger.query.observability.EventCorrelation=DEBUG")
@ActiveProfiles("json-logs")
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndToEndTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("ops");
    private static final ObjectMapper JSON = new ObjectMapper();
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    /**
     * Spring Boot configures logging once per JVM: a context started earlier in the same test run (human-readable
     * lines) would keep its configuration. Marking logging uninitialized lets this context apply json-logs.
     */
    @BeforeAll
    static void letThisContextConfigureLogging() {
        LoggingSystem.get(OperationsEndToEndTest.class.getClassLoader()).cleanUp();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp(port);
    }

    @Test
    void aRequestsCorrelationIdFollowsItsCommandIntoTheEventsAndTheProjectionsLog(CapturedOutput output) throws Exception {
        String correlationId = "ops-test-" + System.nanoTime();
        LedgerHttp.Answer created = http.post("admin", "/api/units",
                "{\"id\":\"361100\",\"name\":\"上饶市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}",
                "X-Correlation-Id", correlationId);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Correlation-Id")).isEqualTo(correlationId);
        byte[] metaData = jdbc.queryForObject(
                "SELECT metadata FROM domainevententry WHERE aggregateidentifier = '361100'", byte[].class);
        JsonNode stored = JSON.readTree(metaData);
        assertThat(stored.get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(stored.get("userId").asText()).isEqualTo("admin");

        // the units projection handles the event with the request's id in the MDC: a JSON log line carries it
        await().atMost(Duration.ofSeconds(30)).until(() -> jsonLines(output.getOut()).stream().anyMatch(line ->
                correlationId.equals(line.path("correlationId").asText())
                        && line.path("message").asText().contains("UnitRegisteredEvent")));
        JsonNode projected = jsonLines(output.getOut()).stream()
                .filter(line -> correlationId.equals(line.path("correlationId").asText())
                        && line.path("message").asText().contains("UnitRegisteredEvent"))
                .findFirst().orElseThrow();
        assertThat(projected.path("log").path("logger").asText()).endsWith("EventCorrelation");
        assertThat(projected.path("eventId").asText()).isNotBlank();
    }

    @Test
    void anIdTheClientCannotBeTrustedWithIsReplacedByANewOne() {
        LedgerHttp.Answer answer = http.post("admin", "/api/units",
                "{\"id\":\"361000\",\"name\":\"抚州市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}",
                "X-Correlation-Id", "bad id\twith spaces");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void prometheusExposesProcessorLagPerSegmentCommandTimersAndTheDeadlineBacklogWithoutLogin() {
        assertThat(http.post("admin", "/api/units",
                "{\"id\":\"360700\",\"name\":\"赣州市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status()).isEqualTo(201);
        assertThat(http.post("admin", "/api/units",
                "{\"id\":\"360700\",\"name\":\"赣州市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String metrics = scrape();
            return metrics.contains("ledger_processor_lag_events{processor=\"units\",segment=\"0\"}")
                    && metrics.contains("ledger_processor_lag_events{processor=\"activities\",segment=\"3\"}");
        });
        String metrics = scrape();
        assertThat(metrics).contains("ledger_event_store_head ");
        assertThat(metrics).containsPattern(
                "ledger_commands_seconds_count\\{command=\"RegisterUnitCommand\",outcome=\"success\",reason=\"none\"} [1-9]");
        assertThat(metrics).containsPattern(
                "ledger_commands_seconds_count\\{command=\"RegisterUnitCommand\",outcome=\"refused\",reason=\"[A-Z_]+\"} [1-9]");
        assertThat(metrics).containsPattern("ledger_deadlines_backlog [0-9]");
        // once the projections caught up, the units processor's one segment has no lag
        await().atMost(Duration.ofSeconds(30)).until(() ->
                scrape().contains("ledger_processor_lag_events{processor=\"units\",segment=\"0\"} 0.0"));
    }

    @Test
    void theOpenApiDocumentListsEveryRouteOfApiMdWithExamplesAndNeedsNoLogin() throws Exception {
        LedgerHttp.Answer doc = http.get(null, "/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        Set<String> documented = new LinkedHashSet<>();
        for (Iterator<String> paths = doc.body().get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = doc.body().get("paths").get(path).fieldNames(); methods.hasNext(); ) {
                documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + normalized(path));
            }
        }
        List<String> contract = apiMdRoutes();
        assertThat(contract).hasSizeGreaterThan(25);
        List<String> missing = new ArrayList<>(contract);
        missing.removeAll(documented);
        assertThat(missing).as("API.md routes missing from /v3/api-docs").isEmpty();

        assertThat(doc.body().at("/paths/~1api~1projects/post/requestBody/content/application~1json/example").asText())
                .contains("江西赣新材料有限公司");
        assertThat(doc.body().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(get("/swagger-ui/index.html").body()).contains("swagger-ui");
    }

    /** Every {@code METHOD /path} of API.md's route tables, path variables as {@code {}}, query strings dropped. */
    static List<String> apiMdRoutes() throws IOException {
        String text;
        try (InputStream in = OperationsEndToEndTest.class.getResourceAsStream("/openapi/API.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Pattern route = Pattern.compile("`(?:(GET|POST|PUT|PATCH|DELETE) )?(/[^`?\\s]*)[^`]*`");
        List<String> routes = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = route.matcher(firstCell);
            String method = null;
            String previous = null;
            while (m.find()) {
                if (m.group(1) != null) {
                    method = m.group(1);
                    previous = m.group(2);
                    routes.add(method + " " + normalized(m.group(2)));
                } else if (method != null) {
                    // "`POST /api/projects/{id}/abandonment` · `/termination`": a sibling of the previous route
                    routes.add(method + " " + normalized(previous.substring(0, previous.lastIndexOf('/')) + m.group(2)));
                }
            }
        }
        return routes;
    }

    static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private String scrape() {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** A GET without credentials, the body as text. */
    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> jsonLines(String out) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a line that merely starts with a brace is not one of the JSON log lines: not counted
                    lines.add(JSON.createObjectNode().put("unparsed", line));
                }
            }
        }
        return lines;
    }
}
