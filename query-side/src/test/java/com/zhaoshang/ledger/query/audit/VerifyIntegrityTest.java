package com.zhaoshang.ledger.query.audit;

import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.zhaoshang.ledger.query.audit.ChainedEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

class VerifyIntegrityTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("verifycli");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static Connection connection;
    private static ChainedEventFixture fixture;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private List<Long> indexes;

    @BeforeAll
    static void store() throws SQLException {
        ChainedEventFixture.createCommandStore(DB);
        connection = ChainedEventFixture.connect(DB);
        fixture = new ChainedEventFixture(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @BeforeEach
    void log() throws SQLException {
        fixture.clear();
        indexes = fixture.append(List.of(
                event("p-1", "com.example.LeadRegisteredEvent", "{\"n\":1}", "u1", "360802", T0),
                event("p-1", "com.example.ProjectSignedEvent", "{\"n\":2}", "u1", "360802", T0.plusSeconds(5))));
        fixture.seal(T0.plusSeconds(70));
    }

    private int run(String... args) {
        Map<String, String> environment = Map.of("LEDGER_DB_PASSWORD", DB.password() == null ? "" : DB.password(),
                "LEDGER_AUDIT_CHECKPOINT_KEY", ChainedEventFixture.KEY);
        return VerifyIntegrity.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIntactLogExitsZeroAndPrintsTheReport() {
        int exit = run("--url=" + DB.jdbcUrl(), "--user=" + DB.username());

        assertThat(exit).isZero();
        assertThat(printed()).contains("\"ok\" : true").contains("\"checkedEvents\" : 2").contains("\"VALID\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("OK");
    }

    @Test
    void aTamperedLogExitsOneAndNamesTheRecord() throws SQLException {
        fixture.sql("UPDATE domainevententry SET payload = convert_to('{\"n\":3}', 'UTF8') WHERE globalindex = "
                + indexes.get(1));

        int exit = run("--url=" + DB.jdbcUrl(), "--user=" + DB.username());

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("\"ok\" : false").contains("\"globalIndex\" : " + indexes.get(1))
                .contains("\"aggregateIdentifier\" : \"p-1\"").contains("altered");
    }

    @Test
    void aCheckpointFileKeptOffTheServerIsUsed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkpoint.json");
        Files.writeString(file, "{\"sealedCount\":2,\"headGlobalIndex\":" + indexes.get(1)
                + ",\"headSealHash\":\"" + "00".repeat(32) + "\",\"createdAt\":\"2026-03-01T08:01:10Z\",\"signature\":null}");

        int exit = run("--url=" + DB.jdbcUrl(), "--user=" + DB.username(), "--checkpoint-file=" + file);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("checkpoint.json").contains("\"matches\" : false");
    }

    @Test
    void withoutADatabaseItExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--url=jdbc:postgresql://127.0.0.1:1/none")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not verify");
    }
}
