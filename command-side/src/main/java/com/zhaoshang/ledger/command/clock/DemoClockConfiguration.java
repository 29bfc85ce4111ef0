package com.zhaoshang.ledger.command.clock;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Demo mode's movable clock, only with {@code ledger.demo-clock.enabled=true} (off by default) and never with the
 * {@code prod} profile (the context refuses to start). One clock moves everything that reads time:
 * <ul>
 *   <li>every decision (the {@link Clock} bean; {@code @Primary}, so it wins over the system clocks both sides
 *   define), and in single-process mode the query side's "days overdue" too;</li>
 *   <li>db-scheduler, which finds due deadlines by its own {@code com.github.kagkarlsson.scheduler.Clock} — given
 *   this clock, a deadline becomes due when the moved clock passes it ({@code POST /api/admin/clock/advance} then
 *   asks the scheduler to look at once instead of waiting for its polling interval);</li>
 *   <li>Axon's recording time of events ({@link GenericEventMessage#clock}).</li>
 * </ul>
 * {@code ledger.demo-clock.start} (an ISO instant, optional) starts the clock at that time instead of now.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.demo-clock.enabled", havingValue = "true")
public class DemoClockConfiguration {

    public DemoClockConfiguration(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("ledger.demo-clock.enabled=true is refused with the prod profile: "
                    + "production time is the system clock's");
        }
    }

    @Bean
    @Primary
    public MovableClock ledgerDemoClock(@Value("${ledger.demo-clock.start:}") String start) {
        Clock system = Clock.systemUTC();
        Duration offset = start.isBlank() ? Duration.ZERO : Duration.between(system.instant(), Instant.parse(start));
        return new MovableClock(system, offset);
    }

    @Bean
    public com.github.kagkarlsson.scheduler.Clock ledgerDemoSchedulerClock(MovableClock clock) {
        return clock::instant;
    }

    @Bean
    public EventRecordingClock ledgerDemoEventRecordingClock(MovableClock clock) {
        return new EventRecordingClock(clock);
    }

    /** Sets Axon's event recording clock to the movable clock while the context lives. */
    public static final class EventRecordingClock implements InitializingBean, DisposableBean {
        private final Clock clock;

        EventRecordingClock(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void afterPropertiesSet() {
            GenericEventMessage.clock = clock;
        }

        @Override
        public void destroy() {
            GenericEventMessage.clock = Clock.systemUTC();
        }
    }
}
