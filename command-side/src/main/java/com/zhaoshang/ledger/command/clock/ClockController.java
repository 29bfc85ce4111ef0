package com.zhaoshang.ledger.command.clock;

import com.github.kagkarlsson.scheduler.Scheduler;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /api/admin/clock/advance {"days": n}} (ADMIN): moves the demo clock forward and lets db-scheduler look
 * for deadlines that became due at once. Exists only in demo mode ({@link DemoClockConfiguration}); without it the
 * route is unknown.
 */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "ledger.demo-clock.enabled", havingValue = "true")
public class ClockController {

    private final MovableClock clock;
    private final ObjectProvider<Scheduler> scheduler;

    public ClockController(MovableClock clock, ObjectProvider<Scheduler> scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** The clock's new time and offset, e.g. {@code {"now": "2025-01-01T00:00:00Z", "offsetDays": 180}}. */
    public record ClockState(Instant now, long offsetDays) {
    }

    @PostMapping("/advance")
    public ClockState advance(@Valid @RequestBody ClockAdvanceRequest body) {
        Instant now = clock.advance(Duration.ofDays(body.days()));
        scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        return new ClockState(now, clock.offset().toDays());
    }
}
