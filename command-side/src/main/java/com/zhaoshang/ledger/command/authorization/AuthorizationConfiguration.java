package com.zhaoshang.ledger.command.authorization;

import com.zhaoshang.ledger.command.unit.UnitDirectory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Unit-scoped authorization on the command bus: {@link AuthorizationInterceptor} registered on the bus (inside each
 * command's transaction, before the handler), and the subscribing processor that keeps {@link AggregateUnits} with
 * the command's events (a failure there fails the command).
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationConfiguration {

    @Bean
    public CommandAuthorization commandAuthorization(UnitDirectory directory, AggregateUnits aggregates) {
        return new CommandAuthorization(directory, aggregates);
    }

    @Bean
    public SmartInitializingSingleton authorizationInterceptorRegistration(CommandBus commandBus,
                                                                           CommandAuthorization authorization) {
        return () -> commandBus.registerHandlerInterceptor(new AuthorizationInterceptor(authorization));
    }

    @Autowired
    public void keepAggregateUnitsWithTheEvents(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(AggregateUnitsUpdater.PROCESSING_GROUP);
        processing.registerListenerInvocationErrorHandler(AggregateUnitsUpdater.PROCESSING_GROUP,
                c -> PropagatingErrorHandler.instance());
    }
}
