package com.zhaoshang.ledger.command.clock;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The movable clock exists only when asked for, never in production, and only moves forward. */
class DemoClockConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DemoClockConfiguration.class);

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MovableClock.class));
    }

    @Test
    void enabledByTheExplicitSettingStartingWhereToldAndMovingEventRecordingTime() {
        runner.withPropertyValues("ledger.demo-clock.enabled=true", "ledger.demo-clock.start=2030-01-01T02:00:00Z")
                .run(context -> {
                    MovableClock clock = context.getBean(MovableClock.class);
                    assertThat(clock.instant()).isBetween(Instant.parse("2030-01-01T02:00:00Z"),
                            Instant.parse("2030-01-01T03:00:00Z"));
                    assertThat(context.getBean(com.github.kagkarlsson.scheduler.Clock.class).now())
                            .isBetween(Instant.parse("2030-01-01T02:00:00Z"), Instant.parse("2030-01-01T03:00:00Z"));
                    assertThat(GenericEventMessage.clock).isSameAs(clock);
                });
        assertThat(GenericEventMessage.clock).isNotInstanceOf(MovableClock.class);
    }

    @Test
    void refusedWithTheProdProfile() {
        runner.withPropertyValues("ledger.demo-clock.enabled=true", "spring.profiles.active=prod")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("refused with the prod profile"));
    }

    @Test
    void movesOnlyForwardAndZonedViewsShareTheOffset() {
        Clock base = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        MovableClock clock = new MovableClock(base, Duration.ZERO);
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        assertThat(clock.advance(Duration.ofDays(150))).isEqualTo(Instant.parse("2030-05-31T00:00:00Z"));
        assertThat(shanghai.instant()).isEqualTo(Instant.parse("2030-05-31T00:00:00Z"));
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(150));
    }
}
