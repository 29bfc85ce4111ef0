package com.zhaoshang.ledger.command.supervision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the rule parameters ({@code ledger.rules.*}); the Project aggregate receives them as a handler resource. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionRules.class)
public class SupervisionConfiguration {
}
