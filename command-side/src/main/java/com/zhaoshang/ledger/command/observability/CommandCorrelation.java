package com.zhaoshang.ledger.command.observability;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The request's correlation id follows a command: the gateway copies it from the MDC into the command's metadata
 * ({@code correlationId}), and {@link #origin()} copies it from the command into the metadata of every event (and
 * deadline) the command causes. A command sent without one (a deadline, a scheduled bulletin) keeps Axon's origin
 * rule: its own message id is the correlation id.
 */
@Configuration(proxyBeanMethods = false)
public class CommandCorrelation {

    public static final String CORRELATION_ID = "correlationId";
    public static final String TRACE_ID = "traceId";

    @Bean
    public SmartInitializingSingleton commandCorrelationInterceptorRegistration(CommandGateway commandGateway) {
        return () -> commandGateway.registerDispatchInterceptor(fromMdc());
    }

    /** Puts the MDC's correlation id into a command's metadata unless the sender already set one. */
    static MessageDispatchInterceptor<CommandMessage<?>> fromMdc() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    String id = MDC.get(CorrelationIdFilter.MDC_KEY);
                    if (id == null || command.getMetaData().containsKey(CORRELATION_ID)) {
                        return command;
                    }
                    return command.andMetaData(Map.of(CORRELATION_ID, id));
                };
            }
        };
    }

    /**
     * Axon's {@code MessageOriginProvider}, except that a message that already carries a correlation id passes it
     * on instead of its own message id: so an event's {@code correlationId} is the request's id.
     */
    public static CorrelationDataProvider origin() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
            data.put(TRACE_ID, message.getMetaData().getOrDefault(TRACE_ID, message.getIdentifier()));
            return data;
        };
    }
}
