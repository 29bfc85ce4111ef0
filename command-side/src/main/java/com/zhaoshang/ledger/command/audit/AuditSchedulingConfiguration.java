package com.zhaoshang.ledger.command.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the sealer on its schedule unless {@code ledger.audit.sealer.enabled=false} (tests call it directly). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "ledger.audit.sealer.enabled", havingValue = "true", matchIfMissing = true)
public class AuditSchedulingConfiguration {
}
