package com.zhaoshang.ledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.audit.CheckpointSignature;
import com.zhaoshang.ledger.api.audit.EventChainHash;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CommandSideApplication.class, properties = "ledger.audit.sealer.enabled=false")
class EventSealerTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("sealer");
    private static final Instant RECORDED = Instant.parse("2026-03-01T08:00:00Z");
    private static final String KEY = "test-checkpoint-key";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    record Noted(String text) {
    }

    @Autowired
    EventStorageEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ObjectMapper json;
    @TempDir
    Path checkpoints;

    @BeforeEach
    void emptyStore() {
        jdbc.execute("TRUNCATE domainevententry, event_chain, event_seal, audit_checkpoint RESTART IDENTITY");
    }

    private EventSealer sealerAt(Instant now) {
        return new EventSealer(jdbc, transactionManager, Clock.fixed(now, ZoneOffset.UTC), json,
                Duration.ofMinutes(1), 2, KEY, checkpoints.toString());
    }

    private void append(String aggregate, long sequence) {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Note", aggregate, sequence, new Noted("n" + sequence),
                Map.of(), UUID.randomUUID().toString(), RECORDED)));
    }

    @Test
    void sealsEveryCommittedEventInGlobalOrderAndSignsTheHead() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        append(a, 0);
        append(b, 0);
        append(a, 1);

        EventSealer.Checkpoint checkpoint = sealerAt(RECORDED.plusSeconds(1)).sealCommittedEvents();

        List<Map<String, Object>> seals = jdbc.queryForList("""
                SELECT s.global_index, s.hash_of_event, s.seal_hash, c.hash FROM event_seal s
                JOIN domainevententry d ON d.globalindex = s.global_index
                JOIN event_chain c ON c.aggregate_identifier = d.aggregateidentifier AND c.sequence_number = d.sequencenumber
                ORDER BY s.global_index""");
        assertThat(seals).hasSize(3);
        byte[] previous = EventChainHash.GENESIS;
        EventChainHash hash = new EventChainHash();
        for (Map<String, Object> seal : seals) {
            assertThat((byte[]) seal.get("hash_of_event")).isEqualTo((byte[]) seal.get("hash"));
            byte[] expected = hash.sealHash((Long) seal.get("global_index"), (byte[]) seal.get("hash"), previous);
            assertThat((byte[]) seal.get("seal_hash")).isEqualTo(expected);
            previous = expected;
        }
        assertThat(checkpoint.sealedCount()).isEqualTo(3);
        assertThat(checkpoint.headGlobalIndex()).isEqualTo((Long) seals.get(2).get("global_index"));
        assertThat(checkpoint.headSealHash()).isEqualTo(EventChainHash.hex(previous));
        assertThat(CheckpointSignature.verify(KEY, EventChainHash.checkpointText(checkpoint.sealedCount(),
                checkpoint.headGlobalIndex(), previous, checkpoint.createdAt()), checkpoint.signature())).isTrue();
        assertThat(sealerAt(RECORDED.plusSeconds(2)).latestCheckpoint()).isEqualTo(checkpoint);
    }

    @Test
    void writesEachCheckpointAsAFileThatCanBeKeptOffTheServer() throws IOException {
        append(UUID.randomUUID().toString(), 0);

        EventSealer.Checkpoint checkpoint = sealerAt(RECORDED.plusSeconds(1)).sealCommittedEvents();

        List<Path> files;
        try (Stream<Path> listing = Files.list(checkpoints)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSize(1);
        JsonNode file = json.readTree(files.get(0).toFile());
        assertThat(file.get("headSealHash").asText()).isEqualTo(checkpoint.headSealHash());
        assertThat(file.get("sealedCount").asLong()).isEqualTo(1);
        assertThat(file.get("signature").asText()).isEqualTo(checkpoint.signature());
    }

    @Test
    void nothingNewToSealWritesNoCheckpoint() {
        append(UUID.randomUUID().toString(), 0);
        EventSealer sealer = sealerAt(RECORDED.plusSeconds(1));
        sealer.sealCommittedEvents();

        assertThat(sealer.sealCommittedEvents()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint", Long.class)).isEqualTo(1L);
    }

    @Test
    void neverPassesAYoungGapButPassesOneOlderThanTheSafetyDelay() {
        String a = UUID.randomUUID().toString();
        append(a, 0);
        jdbc.queryForObject("SELECT nextval('domain_event_global_index_seq')", Long.class);
        append(a, 1);

        EventSealer.Checkpoint young = sealerAt(RECORDED.plusSeconds(30)).sealCommittedEvents();
        assertThat(young.sealedCount()).isEqualTo(1);

        EventSealer.Checkpoint old = sealerAt(RECORDED.plusSeconds(61)).sealCommittedEvents();
        assertThat(old.sealedCount()).isEqualTo(2);
        assertThat(old.headGlobalIndex()).isEqualTo(young.headGlobalIndex() + 2);
    }

    @Test
    void sealsInBatchesUntilCaughtUp() {
        String a = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            append(a, i);
        }

        EventSealer.Checkpoint checkpoint = sealerAt(RECORDED.plusSeconds(1)).sealCommittedEvents();

        assertThat(checkpoint.sealedCount()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint", Long.class)).isEqualTo(3L);
    }

    @Test
    void anotherInstanceHoldingTheLockMeansThisOneSealsNothing() {
        append(UUID.randomUUID().toString(), 0);
        EventSealer sealer = sealerAt(RECORDED.plusSeconds(1));
        try (var connection = new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                DB.jdbcUrl(), DB.username(), DB.password(), true)) {
            JdbcTemplate other = new JdbcTemplate(connection);
            other.queryForObject("SELECT pg_advisory_lock(?)", Object.class, EventSealer.SEALER_LOCK);

            assertThat(sealer.sealCommittedEvents()).isNull();

            other.queryForObject("SELECT pg_advisory_unlock(?)", Boolean.class, EventSealer.SEALER_LOCK);
        }
        assertThat(sealer.sealCommittedEvents().sealedCount()).isEqualTo(1);
    }
}
