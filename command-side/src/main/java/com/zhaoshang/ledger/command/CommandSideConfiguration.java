package com.zhaoshang.ledger.command;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.PropertySource;

/**
 * Everything the command side is: aggregates, command handlers, rules, REST commands and their infrastructure.
 * Both ways to run import this one class, so they compose the same beans.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@PropertySource("classpath:ledger/command-side-defaults.properties")
public class CommandSideConfiguration {
}
