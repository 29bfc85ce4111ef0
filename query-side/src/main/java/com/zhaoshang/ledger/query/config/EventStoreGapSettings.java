package com.zhaoshang.ledger.query.config;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long the projections wait for a gap in the global index to fill (docs/DEPLOYMENT.md, "Gaps").
 * <p>
 * Concurrent command transactions take global indexes from one sequence but commit in any order, so a processor can
 * see index 12 before 11 is committed. Axon's JDBC engine keeps 11 as a gap in the tracking token and reads it again
 * on every fetch until it appears, unless the gap is older than the gap timeout (measured on the timestamps of the
 * events after it), which is how gaps of rolled-back transactions are dropped. A slow transaction is therefore never
 * passed over as long as a command transaction lasts less than half the gap timeout; the command side bounds each
 * statement and each idle moment of its transactions far below that ({@code ledger.command.database.*}).
 * <p>
 * Applied to whatever {@link JdbcEventStorageEngine} the context holds: Axon's auto-configured one in the split
 * query side, the command side's chaining engine in the single-process mode. (Axon offers these two settings only on
 * its builder or through these deprecated setters; the builder belongs to whoever creates the engine.)
 */
@Component
public class EventStoreGapSettings implements BeanPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcEventStorageEngine engine) {
            engine.setGapTimeout(Math.toIntExact(gapTimeout(environment).toMillis()));
            engine.setGapCleaningThreshold(environment.getProperty("ledger.events.gap-cleaning-threshold",
                    Integer.class, 250));
        }
        return bean;
    }

    public static Duration gapTimeout(Environment environment) {
        return environment.getProperty("ledger.events.gap-timeout", Duration.class, Duration.ofMinutes(5));
    }
}
