package com.zhaoshang.ledger.command.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock from a moved starting point and can be moved forward (demos, acceptance
 * runs): {@code instant() = system now + offset}. Moving it only ever adds to the offset, so time never runs back.
 * Enabled only by {@code ledger.demo-clock.enabled=true} ({@link DemoClockConfiguration}).
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public MovableClock(Clock base, Duration initialOffset) {
        this(base, new AtomicReference<>(initialOffset), base.getZone());
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves the clock forward; answers the new time. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, not by " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far the clock is ahead of its base clock. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's offset (moving one moves both). */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base, offset, zone);
    }
}
