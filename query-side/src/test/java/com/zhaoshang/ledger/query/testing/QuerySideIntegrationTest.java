package com.zhaoshang.ledger.query.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.query.QuerySideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side as it runs: {@link QuerySideApplication} on a random port over a real PostgreSQL that holds the
 * event tables. Tests publish events with {@link EventStore#publish}, let the real processors project them and read
 * through HTTP with Basic credentials. Every subclass shares one application context and one database, so tests
 * use fresh ids and never assume an empty table.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.users[0].username=leader",
                "ledger.security.users[0].password={noop}leader-secret",
                "ledger.security.users[0].role=LEADER",
                "ledger.security.users[0].unit-id=360800",
                "ledger.security.users[1].username=inspector",
                "ledger.security.users[1].password={bcrypt}$2a$10$oJWefA1D2n/5Sv608Wln5uOyickgbcGSv7u0QUOVEMQtD7Bj5vou2",
                "ledger.security.users[1].role=INSPECTOR",
                "ledger.security.users[1].unit-id=360800",
                "ledger.security.users[2].username=front",
                "ledger.security.users[2].password={noop}front-secret",
                "ledger.security.users[2].role=FRONT_OFFICE",
                "ledger.security.users[2].unit-id=360802",
                "ledger.security.users[3].username=verifier",
                "ledger.security.users[3].password={noop}verifier-secret",
                "ledger.security.users[3].role=VERIFIER",
                "ledger.security.users[3].unit-id=360800",
                "ledger.security.users[4].username=admin",
                "ledger.security.users[4].password={noop}admin-secret",
                "ledger.security.users[4].role=ADMIN",
                "ledger.security.users[4].unit-id=360800"
        })
public abstract class QuerySideIntegrationTest {

    /** The password of user {@code inspector}, stored above as its bcrypt hash. */
    protected static final String INSPECTOR_PASSWORD = "inspector-secret";
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final TestPostgres.Database DATABASE = QueryTestDatabase.withEventTables("query-side");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ObjectMapper objectMapper;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerDataSource(registry::add);
    }

    protected void publish(List<? extends EventMessage<?>> events) {
        eventStore.publish(events);
    }

    protected void publish(EventMessage<?>... events) {
        eventStore.publish(events);
    }

    /** Waits until the processor of {@code group} has handled every event stored so far. */
    protected void awaitCaughtUp(String group) {
        awaitCaughtUp(processor(group), headPosition());
    }

    /** Waits until {@code processor} has handled every event up to {@code position}; a timeout shows its status. */
    protected static void awaitCaughtUp(StreamingEventProcessor processor, long position) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(caughtUp(processor, position))
                .as(() -> processor.getName() + " at " + position + ": " + processor.processingStatus())
                .isTrue());
    }

    protected StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no streaming processor for group " + group));
    }

    protected long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Every segment claimed, caught up and at or past {@code position}. (A replaying segment that reached its reset
     * position still reports {@code replaying} until a newer event arrives, so the position is what counts.)
     */
    protected static boolean caughtUp(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (!processor.isRunning() || status.isEmpty() || claimedShare(status) < 1.0) {
            return false;
        }
        return status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                && s.getCurrentPosition().orElse(-1) >= position);
    }

    /** The share of the token space the claimed segments cover (1.0 when every segment is claimed). */
    private static double claimedShare(Map<Integer, EventTrackerStatus> status) {
        return status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
    }

    protected HttpResponse<String> get(String path) {
        return get(path, "leader", "leader-secret");
    }

    protected HttpResponse<String> get(String path, String username, String password) {
        HttpRequest.Builder request = request(path);
        if (username != null) {
            request.header("Authorization", basic(username, password));
        }
        return send(request.GET().build());
    }

    /** An {@code Authorization} header value for HTTP Basic. */
    protected static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(PATIENCE);
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    protected JsonNode json(HttpResponse<String> response) {
        try {
            return objectMapper.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** Reads until the answer satisfies the condition (the projections are eventually consistent). */
    protected JsonNode awaitJson(Supplier<HttpResponse<String>> read, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> response = read.get();
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = json(response);
            return ready.test(last[0]);
        });
        return last[0];
    }
}
