package com.zhaoshang.ledger.command.authorization;

import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Aggregates stored before V70 get their units from their stored events when V70 runs. */
class AggregateUnitsBackfillTest {

    @Test
    void leadsCasesAndComplaintsRecordedBeforeV70GetTheirUnits() {
        TestPostgres.Database db = TestPostgres.newDatabase("aggregate-units-backfill");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        MigrationVersion v70 = MigrationVersion.fromVersion("70");
        MigrationVersion beforeV70 = Arrays.stream(Flyway.configure().dataSource(dataSource)
                        .locations("classpath:db/command").table("flyway_history_command").load().info().all())
                .map(MigrationInfo::getVersion).filter(version -> version.compareTo(v70) < 0)
                .max(Comparator.naturalOrder()).orElseThrow();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/command").table("flyway_history_command")
                .target(beforeV70).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        store(jdbc, "p-1", "com.zhaoshang.ledger.api.project.LeadRegisteredEvent",
                "{\"projectId\":\"p-1\",\"projectName\":\"某项目\",\"unitId\":\"360802\"}");
        store(jdbc, "c-1", "com.zhaoshang.ledger.api.supervision.SupervisionCaseOpenedEvent",
                "{\"caseId\":\"c-1\",\"leadUnitId\":\"360802\",\"assistingUnitIds\":[\"360803\",\"360800\"]}");
        store(jdbc, "k-1", "com.zhaoshang.ledger.api.supervision.ComplaintReceivedEvent",
                "{\"complaintId\":\"k-1\",\"unitId\":\"360803\"}");
        store(jdbc, "x-1", "com.zhaoshang.ledger.api.project.NegotiationStartedEvent", "{\"projectId\":\"x-1\"}");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/command").table("flyway_history_command")
                .load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT aggregate_id, unit_id FROM aggregate_unit ORDER BY aggregate_id, unit_id");
        assertThat(rows).containsExactly(
                Map.of("aggregate_id", "c-1", "unit_id", "360800"),
                Map.of("aggregate_id", "c-1", "unit_id", "360802"),
                Map.of("aggregate_id", "c-1", "unit_id", "360803"),
                Map.of("aggregate_id", "k-1", "unit_id", "360803"),
                Map.of("aggregate_id", "p-1", "unit_id", "360802"));
    }

    private static void store(JdbcTemplate jdbc, String aggregate, String type, String payload) {
        jdbc.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, 0, 'Aggregate', ?, ?, ?, '1', ?, '2026-03-02T00:00:00Z')""",
                aggregate, aggregate + "-event", "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), type);
    }
}
