package com.zhaoshang.ledger.command.config;

import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.command.observability.CommandCorrelation;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who did it: every event a command causes carries the command's actor ({@code userId}, {@code role}, {@code unitId})
 * in its metadata, and its origin ({@code correlationId}, {@code traceId}).
 * <p>
 * Axon's auto-configured {@link MessageOriginProvider} is only created when no other {@link CorrelationDataProvider}
 * bean exists, so declaring the actor provider means declaring the origin provider too. Bean names are prefixed with
 * the side, so the single-process context can hold the query side's beans as well. The origin provider is Axon's
 * rule with one change ({@link CommandCorrelation#origin()}): a command that carries the request's
 * {@code correlationId} (header {@code X-Correlation-Id}) passes that id on to its events.
 */
@Configuration(proxyBeanMethods = false)
public class ActorCorrelationConfiguration {

    @Bean
    public CorrelationDataProvider commandSideActorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.USER_ID, Actor.ROLE, Actor.UNIT_ID);
    }

    @Bean
    public CorrelationDataProvider commandSideMessageOrigin() {
        return CommandCorrelation.origin();
    }
}
