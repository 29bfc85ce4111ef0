package com.zhaoshang.ledger.query.config;

import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.QuerySideApplication;
import com.zhaoshang.ledger.query.testing.Facts;
import com.zhaoshang.ledger.query.testing.QueryTestDatabase;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gaps in the global index (issue 7.4): a writer whose transaction took a global index and has not committed yet,
 * while later events commit and are projected, is not passed over: when it commits, the projection handles its
 * event. The transaction is held open by the test (an append through the event store inside a Spring transaction
 * that waits on a latch before it commits), exactly as a slow command transaction would hold it.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = {
        "ledger.security.users[0].username=leader",
        "ledger.security.users[0].password={noop}leader-secret",
        "ledger.security.users[0].role=LEADER",
        "ledger.security.users[0].unit-id=360800"})
class LateCommitGapTest {

    private static final TestPostgres.Database DATABASE = QueryTestDatabase.withEventTables("late-commit");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerDataSource(registry::add);
    }

    @Test
    void anEventThatCommitsAfterLaterOnesIsStillProjected() throws Exception {
        String slow = Facts.freshUnitId("slow");
        String fast = Facts.freshUnitId("fast");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    eventStore.publish(Facts.unit(slow, "慢事务区", UnitKind.DISTRICT, null, "district", Instant.now()));
                    appended.countDown();
                    awaitQuietly(commit);
                }));
        assertThat(appended.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        eventStore.publish(Facts.unit(fast, "快事务区", UnitKind.DISTRICT, null, "district", Instant.now()));
        long fastIndex = jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?")
                .param(fast).query(Long.class).single();

        StreamingEventProcessor units = processing.eventProcessor("units", StreamingEventProcessor.class).orElseThrow();
        await().atMost(PATIENCE).until(() -> unitProjected(fast) && positionOf(units) >= fastIndex);
        assertThat(unitProjected(slow)).as("not committed yet, so not visible").isFalse();
        assertThat(gapsOf(units)).as("the slow writer's index is kept as a gap").contains(fastIndex - 1);

        commit.countDown();
        slowWriter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        await().atMost(PATIENCE).until(() -> unitProjected(slow));
        long slowIndex = jdbc.sql("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?")
                .param(slow).query(Long.class).single();
        assertThat(slowIndex).isLessThan(fastIndex);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(gapsOf(units)).doesNotContain(slowIndex));
    }

    @Test
    void theGapTimeoutIsTheConfiguredOneAndFarAboveTheCommandSidesTimeouts() throws Exception {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        Field gapTimeout = JdbcEventStorageEngine.class.getDeclaredField("gapTimeout");
        gapTimeout.setAccessible(true);
        assertThat(gapTimeout.getInt(storageEngine)).isEqualTo((int) Duration.ofMinutes(5).toMillis());
        // the command side's statement and idle-in-transaction timeouts (15 s each, command-side-defaults.properties)
        // bound a command transaction far below half of it
        assertThat(Duration.ofMillis(gapTimeout.getInt(storageEngine)).dividedBy(2))
                .isGreaterThan(Duration.ofSeconds(15).multipliedBy(4));
    }

    private boolean unitProjected(String id) {
        return jdbc.sql("SELECT count(*) FROM unit_view WHERE id = ?").param(id).query(Long.class).single() == 1;
    }

    private static long positionOf(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private static java.util.SortedSet<Long> gapsOf(StreamingEventProcessor processor) {
        java.util.SortedSet<Long> gaps = new java.util.TreeSet<>();
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.getTrackingToken() instanceof GapAwareTrackingToken token) {
                gaps.addAll(token.getGaps());
            }
        }
        return gaps;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the slow writer commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
