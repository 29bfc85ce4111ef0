package com.zhaoshang.ledger.query.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Processor lag per segment, from the database, so it holds whichever node owns a segment:
 * {@code ledger.processor.lag{processor, segment}} = the event store's head global index − the position of the
 * segment's token ({@code tokenentry}, deserialized with Axon's serializer); {@code ledger.event.store.head} is the
 * head itself. Refreshed every {@code ledger.observability.lag-refresh} (5 s by default) on a thread of its own;
 * segments that disappear (merged) disappear from the gauge.
 */
@Component
public class ProcessorLagMetrics implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorLagMetrics.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration refresh;
    private final MultiGauge lag;
    private final AtomicLong head = new AtomicLong();
    private ScheduledExecutorService executor;

    public ProcessorLagMetrics(JdbcTemplate jdbc, Serializer serializer, MeterRegistry registry,
                               @Value("${ledger.observability.lag-refresh:PT5S}") Duration refresh) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.refresh = refresh;
        this.lag = MultiGauge.builder("ledger.processor.lag")
                .description("Events in the store not yet handled by the processor's segment")
                .baseUnit("events")
                .register(registry);
        Gauge.builder("ledger.event.store.head", head, AtomicLong::get)
                .description("The event store's highest global index")
                .register(registry);
    }

    /** Reads the head and every token, and replaces the gauge's rows. */
    public void refresh() {
        long storeHead = value(jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class));
        head.set(storeHead);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.query("SELECT processorname, segment, token, tokentype FROM tokenentry WHERE processorname NOT LIKE '\\_\\_%'",
                rs -> {
                    long position = position(rs.getBytes("token"), rs.getString("tokentype"));
                    rows.add(MultiGauge.Row.of(Tags.of("processor", rs.getString("processorname"),
                            "segment", Integer.toString(rs.getInt("segment"))), Math.max(0, storeHead - position)));
                });
        lag.register(rows, true);
    }

    /** The token's position in the store (0 for no token yet). */
    long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }

    private static long value(Long value) {
        return value == null ? 0 : value;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("processor lag not refreshed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-processor-lag");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refreshQuietly, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
