package com.zhaoshang.ledger.command.health;

import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command-side node whose database goes away: readiness 503 (liveness 200), a command answers 503
 * {@code application/problem+json} and stores nothing; when the database is back the node is ready again by itself
 * and the same request (same Idempotency-Key) succeeds once.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.users[0].username=admin",
                "ledger.security.users[0].password={noop}admin-pw",
                "ledger.security.users[0].role=ADMIN",
                "ledger.security.users[0].unit-id=360800",
                "spring.datasource.hikari.connection-timeout=1000",
                "spring.datasource.hikari.validation-timeout=500"
        })
class CommandDatabaseLossTest {

    private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase("command-db-loss");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UNIT = "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerDataSource(registry::add);
    }

    @Test
    void aCommandWithoutItsDatabaseAnswers503StoresNothingAndSucceedsOnceTheDatabaseIsBack() throws SQLException {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        String key = "db-loss-" + System.nanoTime();

        String maintenanceUrl = DATABASE.jdbcUrl().replace("/" + DATABASE.name(), "/postgres");
        try (Connection admin = DriverManager.getConnection(maintenanceUrl, DATABASE.username(), DATABASE.password());
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + DATABASE.name() + " ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + DATABASE.name() + "'");
                await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 503);
                assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

                HttpResponse<String> refused = post("/api/units", key, UNIT);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(refused.body()).contains("\"type\":\"/problems/database-unavailable\"");
            } finally {
                sql.execute("ALTER DATABASE " + DATABASE.name() + " ALLOW_CONNECTIONS true");
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isZero();
        HttpResponse<String> created = post("/api/units", key, UNIT);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(post("/api/units", key, UNIT).statusCode()).as("the same key replays").isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(1);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build());
    }

    private HttpResponse<String> post(String path, String key, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin-pw".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
