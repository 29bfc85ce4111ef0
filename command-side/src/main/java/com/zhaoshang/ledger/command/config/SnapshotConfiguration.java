package com.zhaoshang.ledger.command.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
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

import java.io.IOException;
import java.time.LocalDate;

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

    /**
     * Reading a snapshot is most of a long project's load (JFR: 92 % of the load's samples in Jackson at 1,000 and
     * 10,000 events), and its size grows with the state — every capital arrival is a map entry keyed by its id. Two
     * costs of that read are not needed for a snapshot and are cut here, for the snapshot mapper only (it reads and
     * writes the same JSON): field-name canonicalisation, which puts every map key (10,000 distinct arrival ids) into
     * the parser's symbol table, and the general-purpose {@code LocalDate} parser (see {@link IsoDates}).
     */
    @Bean
    public SnapshotSerialization snapshotSerialization(ObjectMapper objectMapper) {
        ObjectMapper fields = objectMapper.copy()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .registerModule(new SimpleModule("snapshot-dates").addDeserializer(LocalDate.class, new IsoDates()));
        fields.getFactory().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES);
        return new SnapshotSerialization(JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(SnapshotConfiguration.class.getClassLoader()))
                .objectMapper(fields)
                .build());
    }

    /**
     * {@code LocalDate}s of a snapshot as written ({@code yyyy-MM-dd}) read directly; anything else by Jackson's own
     * {@link LocalDateDeserializer}, so the result is the same.
     */
    static final class IsoDates extends JsonDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (isPlainIsoDate(text)) {
                    return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                            Integer.parseInt(text, 8, 10, 10));
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }

        private static boolean isPlainIsoDate(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Named by {@code @Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger")} on the Project. */
    @Bean
    public SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${ledger.snapshots.project-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
