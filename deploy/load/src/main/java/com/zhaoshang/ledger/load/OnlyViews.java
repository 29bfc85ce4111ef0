package com.zhaoshang.ledger.load;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * For {@link RebuildBenchmark}: lets only the chosen processing groups claim segments, so one view rebuilds alone.
 * The other pooled processors start but may claim no segment ({@code maxClaimedSegments(0)}), so they read nothing and
 * write nothing; the query side's tracking processors are started as pooled ones for that ({@link RebuildBenchmark}). The choice is {@link #only} at the time the context starts; {@code null} means every view.
 */
@Configuration(proxyBeanMethods = false)
public class OnlyViews {

    static volatile Set<String> only;

    @Bean
    public ConfigurerModule onlyTheChosenViews(EventProcessorProperties properties) {
        Set<String> chosen = only;
        return configurer -> configurer.eventProcessing(processing -> {
            if (chosen == null) {
                return;
            }
            for (String name : properties.getProcessors().keySet()) {
                if (!chosen.contains(name)) {
                    processing.registerPooledStreamingEventProcessorConfiguration(name,
                            (configuration, builder) -> builder.maxClaimedSegments(0));
                }
            }
        });
    }
}
