package com.zhaoshang.ledger.query;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.PropertySource;

/**
 * Everything the query side is: projections, their tables and tokens, leaders' queries and audit reads.
 * Both ways to run import this one class, so they compose the same beans.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@PropertySource("classpath:ledger/query-side-defaults.properties")
public class QuerySideConfiguration {
}
