package com.zhaoshang.ledger.command.supervision;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;


/**
 * Binds the rule parameters ({@code ledger.rules.*}) and the working-day calendar ({@code ledger.rules.calendar.*});
 * the aggregates receive them as handler resources. The deadline manager is Axon's db-scheduler one with targeted
 * cancellation of the project rules' deadlines ({@link ProjectRuleDeadlineManager}); it replaces the one of Axon's
 * {@code AxonDbSchedulerAutoConfiguration}, built from the same beans.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionRules.class)
public class SupervisionConfiguration {

    @Bean
    public WorkingDays workingDays(@Value("${ledger.rules.calendar.holidays:}") String holidays,
                                   @Value("${ledger.rules.calendar.working-weekends:}") String workingWeekends) {
        return WorkingDays.parse(holidays, workingWeekends);
    }

    @Bean
    public DeadlineManager deadlineManager(Scheduler scheduler, Configuration configuration,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory) {
        return new ProjectRuleDeadlineManager(scheduler, new ConfigurationScopeAwareProvider(configuration),
                serializer, transactionManager, spanFactory);
    }
}
