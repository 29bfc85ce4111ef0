package com.zhaoshang.ledger.command.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of a command-side node. Readiness ({@code /actuator/health/readiness}) = the application accepts traffic
 * ({@code readinessState}), the database answers ({@code db}) and the command side's own (subscribing) processors run
 * ({@code commandProcessors}); liveness ({@code /actuator/health/liveness}) = {@code livenessState} only, so a node
 * that lost its database is taken out of the load balancer (503) but not restarted: it recovers by itself.
 */
@Configuration(proxyBeanMethods = false)
public class CommandHealthConfiguration {

    @Bean
    public EventProcessorsHealthIndicator commandProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return new EventProcessorsHealthIndicator(processing);
    }
}
