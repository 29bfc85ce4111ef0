package com.zhaoshang.ledger.command.audit;

import com.zhaoshang.ledger.api.audit.EventChainHash;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = CommandSideApplication.class, properties = "ledger.audit.sealer.enabled=false")
class ChainingJdbcEventStorageEngineTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("chainengine");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    /** Any payload will do: the chain covers the stored bytes, whatever they mean. */
    record Noted(String text) {
    }

    @Autowired
    EventStorageEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    static DomainEventMessage<Noted> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequence, new Noted(text),
                Map.of("userId", "u1", "role", "FRONT_OFFICE", "unitId", "360802"),
                UUID.randomUUID().toString(), Instant.parse("2026-03-01T08:00:00Z").plusSeconds(sequence));
    }

    @Test
    void theCommandSideUsesTheChainingEngine() {
        assertThat(engine).isInstanceOf(ChainingJdbcEventStorageEngine.class);
    }

    @Test
    void everyAppendedEventGetsAChainRecordLinkedToItsPredecessor() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(aggregate, 0, "a"), event(aggregate, 1, "b")));
        engine.appendEvents(List.of(event(aggregate, 2, "c")));

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT d.*, c.aggregate_identifier, c.sequence_number, c.event_identifier, c.prev_hash, c.hash
                FROM domainevententry d JOIN event_chain c ON c.global_index = d.globalindex
                WHERE d.aggregateidentifier = ? ORDER BY d.sequencenumber""", aggregate);
        assertThat(rows).hasSize(3);
        byte[] previous = EventChainHash.GENESIS;
        EventChainHash hash = new EventChainHash();
        for (Map<String, Object> row : rows) {
            assertThat(row.get("event_identifier")).isEqualTo(row.get("eventidentifier"));
            assertThat(row.get("aggregate_identifier")).isEqualTo(row.get("aggregateidentifier"));
            assertThat(row.get("sequence_number")).isEqualTo(row.get("sequencenumber"));
            assertThat((byte[]) row.get("prev_hash")).isEqualTo(previous);
            byte[] recomputed = hash.eventHash((String) row.get("aggregateidentifier"), (Long) row.get("sequencenumber"),
                    (String) row.get("type"), (String) row.get("eventidentifier"), (String) row.get("payloadtype"),
                    (String) row.get("payloadrevision"), (byte[]) row.get("payload"), (byte[]) row.get("metadata"),
                    (String) row.get("timestamp"), previous);
            assertThat((byte[]) row.get("hash")).isEqualTo(recomputed);
            previous = recomputed;
        }
    }

    @Test
    void theEventsReadBackUnchanged() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(aggregate, 0, "first"), event(aggregate, 1, "second")));

        List<Object> payloads = engine.readEvents(aggregate).asStream().map(m -> (Object) m.getPayload()).toList();

        assertThat(payloads).containsExactly(new Noted("first"), new Noted("second"));
    }

    @Test
    void aSecondAppendOfTheSameSequenceIsAConcurrencyExceptionAndAddsNoChainRecord() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(aggregate, 0, "a"), event(aggregate, 1, "b")));

        assertThatThrownBy(() -> engine.appendEvents(List.of(event(aggregate, 1, "rival"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain WHERE aggregate_identifier = ?",
                Long.class, aggregate)).isEqualTo(2L);
    }

    @Test
    void anAppendAfterABrokenChainIsRefusedAndStoresNothing() {
        String aggregate = UUID.randomUUID().toString();
        engine.appendEvents(List.of(event(aggregate, 0, "a")));
        jdbc.update("DELETE FROM event_chain WHERE aggregate_identifier = ?", aggregate);

        assertThatThrownBy(() -> engine.appendEvents(List.of(event(aggregate, 1, "b"))))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("hash chain is broken");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregate)).isEqualTo(1L);
    }
}
