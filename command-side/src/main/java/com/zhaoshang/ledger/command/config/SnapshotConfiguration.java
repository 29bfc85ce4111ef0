package com.zhaoshang.ledger.command.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.command.project.CapitalArrivals;
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
import java.nio.CharBuffer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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
     * Reading a snapshot is most of a long project's load, and the state grows with the history only through its
     * capital arrivals. They are one string here ({@link CapitalArrivals#encoded()}, see {@link Arrivals}) rather than an
     * object per arrival: at 10,000 arrivals the object form was 1.33 MB and 12–13 ms of CPU per load, the string form
     * 0.66 MB. Dates are read by {@link IsoDates}, for this mapper only (it reads and writes the same JSON). Field-name
     * canonicalisation stays on: without it Jackson reads bytes through a character reader, several times slower
     * on a long string.
     */
    @Bean
    public SnapshotSerialization snapshotSerialization(ObjectMapper objectMapper) {
        ObjectMapper fields = objectMapper.copy()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .registerModule(new SimpleModule("snapshot-dates").addDeserializer(LocalDate.class, new IsoDates()))
                .registerModule(new SimpleModule("snapshot-arrivals")
                        .addSerializer(CapitalArrivals.class, new Arrivals.Writer())
                        .addDeserializer(CapitalArrivals.class, new Arrivals.Reader()));
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

    /**
     * A project's capital arrivals in a snapshot: one string, {@link CapitalArrivals#encoded()}. Snapshots written
     * before that form (until 2026-11-22) hold a JSON object of arrival id → {@code {reported, occurredOn, verified}};
     * they are read as the same arrivals, so an upgrade keeps using the snapshots it finds.
     */
    static final class Arrivals {

        private Arrivals() {
        }

        /** The object form of one arrival in the snapshots written before the string form. */
        private record Before(Money reported, LocalDate occurredOn, boolean verified) {
        }

        static final class Writer extends JsonSerializer<CapitalArrivals> {
            @Override
            public void serialize(CapitalArrivals arrivals, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(arrivals.encoded());
            }
        }

        static final class Reader extends JsonDeserializer<CapitalArrivals> {
            @Override
            public CapitalArrivals deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.hasToken(JsonToken.VALUE_STRING)) { // read from the parser's buffer, not a String copy
                    return CapitalArrivals.decode(CharBuffer.wrap(parser.getTextCharacters(), parser.getTextOffset(),
                            parser.getTextLength()));
                }
                JavaType before = context.getTypeFactory()
                        .constructMapType(LinkedHashMap.class, String.class, Before.class);
                Map<String, Before> read = context.readValue(parser, before);
                CapitalArrivals arrivals = new CapitalArrivals();
                read.forEach((id, arrival) -> {
                    arrivals.add(id, arrival.reported(), arrival.occurredOn());
                    if (arrival.verified()) {
                        arrivals.markVerified(id);
                    }
                });
                return arrivals;
            }
        }
    }

    /** Named by {@code @Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger")} on the Project. */
    @Bean
    public SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${ledger.snapshots.project-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
