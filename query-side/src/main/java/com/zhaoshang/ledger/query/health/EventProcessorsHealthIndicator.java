package com.zhaoshang.ledger.query.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness of a side's event processors: UP when every processor runs and no streaming processor is in error;
 * DOWN otherwise, with each processor's state in the details. The command side has its own twin (the sides share no code but the vocabulary).
 */
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new TreeMap<>();
        boolean up = true;
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            String state;
            if (!processor.isRunning()) {
                state = "STOPPED";
            } else if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
                state = "ERROR";
            } else if (processor instanceof StreamingEventProcessor streaming) {
                state = "RUNNING (" + streaming.processingStatus().size() + " segment(s) claimed here)";
            } else {
                state = "RUNNING";
            }
            up &= state.startsWith("RUNNING");
            details.put(entry.getKey(), state);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
