package com.zhaoshang.ledger.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of a query-side node. Readiness ({@code /actuator/health/readiness}) = the application accepts traffic
 * ({@code readinessState}), the database answers ({@code db}) and every projection processor runs and is not in
 * error ({@code queryProcessors}); liveness ({@code /actuator/health/liveness}) = {@code livenessState} only, so a
 * node that lost its database leaves the load balancer (503) without being restarted, and comes back by itself: the
 * pool reconnects and the pooled processors re-claim their segments after their back-off.
 */
@Configuration(proxyBeanMethods = false)
public class QueryHealthConfiguration {

    @Bean
    public EventProcessorsHealthIndicator queryProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return new EventProcessorsHealthIndicator(processing);
    }
}
