package com.zhaoshang.ledger.command.config;

import com.zhaoshang.ledger.api.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command gateway retries a lost append race between instances, boundedly, and nothing else. */
class CommandRetryConfigurationTest {

    private final CommandRetryConfiguration configuration = new CommandRetryConfiguration();
    private final ScheduledExecutorService executor = configuration.commandRetryExecutor();
    private final RetryScheduler scheduler = configuration.commandRetryScheduler(executor, 3, Duration.ofMillis(1));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aLostAppendRaceIsRetried() throws InterruptedException {
        CountDownLatch dispatched = new CountDownLatch(1);
        boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("register"),
                new CommandExecutionException("append failed", new ConcurrencyException("sequence 3 taken")),
                failures(1), dispatched::countDown);

        assertThat(scheduled).isTrue();
        assertThat(dispatched.await(5, TimeUnit.SECONDS)).as("the command is dispatched again").isTrue();
    }

    @Test
    void retriesAreBounded() {
        boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("register"),
                new ConcurrencyException("sequence 3 taken"), failures(4), () -> { });

        assertThat(scheduled).isFalse();
    }

    @Test
    void refusalsVersionConflictsExistingAggregatesAndDatabaseFailuresAreNotRetried() {
        assertThat(CommandRetryConfiguration.isLostAppendRace(
                new CommandExecutionException("refused", null, ErrorCode.ILLEGAL_TRANSITION))).isFalse();
        assertThat(CommandRetryConfiguration.isLostAppendRace(
                new ConflictingAggregateVersionException("p-1", 3, 4))).isFalse();
        assertThat(CommandRetryConfiguration.isLostAppendRace(new AggregateStreamCreationException("exists"))).isFalse();
        assertThat(CommandRetryConfiguration.isLostAppendRace(new DataAccessResourceFailureException("down"))).isFalse();
        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("register"),
                new CommandExecutionException("refused", null, ErrorCode.ILLEGAL_TRANSITION), failures(1), () -> { }))
                .isFalse();
    }

    @Test
    void theStatementAndIdleTimeoutsBecomeTheConnectionsInitSql() {
        assertThat(CommandDatabaseTimeouts.initSql(Duration.ofSeconds(15), Duration.ofSeconds(20)))
                .isEqualTo("SET statement_timeout = 15000; SET idle_in_transaction_session_timeout = 20000");
        assertThat(CommandDatabaseTimeouts.initSql(null, null)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        return java.util.Collections.nCopies(count, new Class[]{ConcurrencyException.class});
    }
}
