package com.zhaoshang.ledger.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Any command-side instance accepts any command: two instances that change the same aggregate at once both append
 * the same sequence number, PostgreSQL's unique key lets one win, the other gets a {@link ConcurrencyException}.
 * The command gateway retries such a lost race a bounded number of times ({@code ledger.command.retry.max-retries},
 * {@code ledger.command.retry.interval}); the retry reloads the aggregate, so its rules (and an {@code If-Match}
 * version) are checked again against what the winner stored. Nothing else is retried: a refusal, a version conflict
 * the client asked for ({@code If-Match}), an existing aggregate or a database failure is answered at once.
 */
@Configuration(proxyBeanMethods = false)
public class CommandRetryConfiguration {

    /** The policy: retry only when a concurrent append was the cause. */
    static boolean isLostAppendRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public RetryScheduler commandRetryScheduler(ScheduledExecutorService commandRetryExecutor,
                                                @Value("${ledger.command.retry.max-retries:3}") int maxRetries,
                                                @Value("${ledger.command.retry.interval:PT0.05S}") Duration interval) {
        return IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .maxRetryCount(maxRetries)
                .retryInterval((int) interval.toMillis())
                .nonTransientFailurePredicate(failure -> !isLostAppendRace(failure))
                .build();
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetryScheduler)
                .build();
    }
}
