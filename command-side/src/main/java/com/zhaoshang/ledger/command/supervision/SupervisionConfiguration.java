package com.zhaoshang.ledger.command.supervision;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the rule parameters ({@code ledger.rules.*}) and the working-day calendar ({@code ledger.rules.calendar.*});
 * the aggregates receive them as handler resources.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionRules.class)
public class SupervisionConfiguration {

    @Bean
    public WorkingDays workingDays(@Value("${ledger.rules.calendar.holidays:}") String holidays,
                                   @Value("${ledger.rules.calendar.working-weekends:}") String workingWeekends) {
        return WorkingDays.parse(holidays, workingWeekends);
    }
}
