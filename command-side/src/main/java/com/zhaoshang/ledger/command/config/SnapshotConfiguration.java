package com.zhaoshang.ledger.command.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the {@code Project} aggregate (table {@code snapshotevententry}, command side V1): after a load that
 * read more than {@code ledger.snapshots.project-threshold} events, Axon's snapshotter stores the aggregate's state
 * once the command committed, and later loads start from the newest snapshot. Most projects never reach the
 * threshold (a whole life is 10–40 facts); a project with many capital arrivals does.
 * <p>
 * The state is written by Jackson field by field (the aggregate has no getters), with Spring's object mapper
 * otherwise (the value-type mix-ins, strict unknown properties). It is not a {@link Serializer} bean on purpose:
 * Axon's general serializer backs off when another unqualified {@code Serializer} bean exists.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    /** The serializer of the aggregate snapshots, handed to the event storage engine. */
    public record SnapshotSerialization(Serializer serializer) {
    }

    @Bean
    public SnapshotSerialization snapshotSerialization(ObjectMapper objectMapper) {
        ObjectMapper fields = objectMapper.copy()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        return new SnapshotSerialization(JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(SnapshotConfiguration.class.getClassLoader()))
                .objectMapper(fields)
                .build());
    }

    /** Named by {@code @Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger")} on the Project. */
    @Bean
    public SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${ledger.snapshots.project-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
