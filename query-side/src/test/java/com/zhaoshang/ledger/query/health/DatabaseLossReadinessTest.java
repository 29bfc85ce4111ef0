package com.zhaoshang.ledger.query.health;

import com.zhaoshang.ledger.query.QuerySideApplication;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * A query-side node whose database goes away: readiness answers 503 (liveness stays 200, so it is not restarted),
 * API routes answer 503 {@code application/problem+json} instead of 500, and once the database accepts connections
 * again the node is ready and answers 200 by itself. The database is taken away by refusing new connections to it
 * ({@code ALLOW_CONNECTIONS false}) and terminating the node's open ones, as a failover or a restart would.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.security.users[0].username=leader",
                "ledger.security.users[0].password={noop}leader-secret",
                "ledger.security.users[0].role=LEADER",
                "ledger.security.users[0].unit-id=360800",
                "spring.datasource.hikari.connection-timeout=1000",
                "spring.datasource.hikari.validation-timeout=500"
        })
class DatabaseLossReadinessTest {

    private static final TestPostgres.Database DATABASE = QueryTestDatabase.withEventTables("readiness");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerDataSource(registry::add);
    }

    @Test
    void aNodeThatLostItsDatabaseAnswers503AndRecoversByItself() throws SQLException {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        assertThat(get("/api/units").statusCode()).isEqualTo(200);

        // a database cannot refuse connections to itself: the switch is thrown from the server's maintenance database
        String maintenanceUrl = DATABASE.jdbcUrl().replace("/" + DATABASE.name(), "/postgres");
        try (Connection admin = DriverManager.getConnection(maintenanceUrl, DATABASE.username(), DATABASE.password());
             Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + DATABASE.name() + " ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = '" + DATABASE.name() + "'");

                await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 503);
                HttpResponse<String> readiness = get("/actuator/health/readiness");
                assertThat(readiness.body()).contains("\"db\"").contains("DOWN");
                assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

                HttpResponse<String> api = get("/api/units");
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(api.headers().firstValue("Retry-After")).contains("5");
                assertThat(api.body()).contains("\"type\":\"/problems/database-unavailable\"").contains("\"status\":503");
            } finally {
                sql.execute("ALTER DATABASE " + DATABASE.name() + " ALLOW_CONNECTIONS true");
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/units").statusCode() == 200);
        await().atMost(Duration.ofSeconds(120)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("leader:leader-secret".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
