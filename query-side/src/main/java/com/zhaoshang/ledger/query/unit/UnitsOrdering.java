package com.zhaoshang.ledger.query.unit;

import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sequencing policy of processing group {@code units} (named in the defaults properties): every unit event in
 * one sequence, so a parent is always projected before its children whatever the segment count.
 */
@Configuration(proxyBeanMethods = false)
public class UnitsOrdering {

    @Bean
    public SequentialPolicy unitsInRegistrationOrder() {
        return new SequentialPolicy();
    }
}
