package com.zhaoshang.ledger.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command request is timed once (http.server.requests, and the command's own timer), not per security filter:
 * Spring Security's observations are off (command-side defaults, docs/PERFORMANCE.md).
 */
class RequestObservationTest extends CommandWebTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void aCommandRequestIsTimedButItsSecurityFiltersAreNot() {
        newLead();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.find("http.server.requests").tag("uri", "/api/projects").timer() != null);
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .isNotEmpty()
                .noneMatch(name -> name.startsWith("spring.security"));
    }

}
