package com.zhaoshang.ledger.single;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default, started exactly as the README's run command starts it (no datasource configured): it brings
 * its own PostgreSQL, serves the API, and a second run over the same data directory sees the first run's data.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    @Test
    void startsOnItsOwnPostgresAndKeepsTheDataOfTheFirstRun() throws Exception {
        long postmaster;
        String[] args = {"--server.port=0", "--ledger.embedded-postgres.data-dir=" + dataDir};

        try (ConfigurableApplicationContext first = LedgerApplication.application().run(args)) {
            LedgerHttp http = new LedgerHttp(port(first));
            LedgerHttp.Answer created = http.post("admin", "/api/units",
                    "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}");
            assertThat(created.status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("leader", "/api/units/360800").status() == 200);
            postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
        await("closing the context stops its PostgreSQL").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty());

        try (ConfigurableApplicationContext second = LedgerApplication.application().run(args)) {
            LedgerHttp http = new LedgerHttp(port(second));
            LedgerHttp.Answer unit = http.get("leader", "/api/units/360800");
            assertThat(unit.status()).isEqualTo(200);
            assertThat(unit.body().get("name").asText()).isEqualTo("吉安市");
            assertThat(http.post("admin", "/api/units",
                    "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status())
                    .as("the unit registered by the first run still exists").isEqualTo(409);
        }
    }

    @Test
    void aRunKilledWithoutShuttingDownDoesNotBlockTheNextOne() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process killed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--server.port=0", "--ledger.embedded-postgres.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path owner = dataDir.resolve(EmbeddedPostgresLauncher.OWNER_FILE);
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(owner) && !Files.readString(owner).isBlank());
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        killed.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("kill -9 leaves PostgreSQL running").contains(true);

        String[] args = {"--server.port=0", "--ledger.embedded-postgres.data-dir=" + dataDir};
        try (ConfigurableApplicationContext next = LedgerApplication.application().run(args)) {
            LedgerHttp http = new LedgerHttp(port(next));
            assertThat(http.post("admin", "/api/units",
                    "{\"id\":\"360800\",\"name\":\"吉安市\",\"kind\":\"CITY\",\"peerGroup\":\"city\"}").status())
                    .isEqualTo(201);
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
        }
    }

    @Test
    void aPostgresThatCannotStartFailsTheStartAndNamesItsDataDirectory() throws Exception {
        Files.writeString(dataDir.resolve("PG_VERSION"), "9" + System.lineSeparator()); // not a cluster initdb accepts
        String[] args = {"--server.port=0", "--ledger.embedded-postgres.data-dir=" + dataDir};

        assertThatThrownBy(() -> LedgerApplication.application().run(args).close())
                .hasStackTraceContaining("could not start embedded PostgreSQL in " + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
