package com.zhaoshang.ledger.command.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link IdempotencyInterceptor} on the command bus, behind Axon's transaction interceptor (the bus
 * registers that one first), so it runs inside each command's transaction. Registered here rather than declared as a
 * {@code MessageHandlerInterceptor} bean, which Axon would also offer to the query bus and the event processors.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    public SmartInitializingSingleton idempotencyInterceptorRegistration(CommandBus commandBus, IdempotencyStore store,
                                                                          ObjectMapper objectMapper) {
        return () -> commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(store, objectMapper));
    }
}
