package com.zhaoshang.ledger.command.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.command.project.CapitalArrivals;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snapshot serializer reads a Project's snapshot into the state it was written from: every field, every capital
 * arrival and date. A project's arrivals are one string in a snapshot ({@code CapitalArrivals}); snapshots written
 * before that hold an object per arrival, and read into the same arrivals.
 */
class SnapshotSerializationTest {

    private static final String PROJECT = "com.zhaoshang.ledger.command.project.Project";

    private final ObjectMapper spring = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new CommandJsonConfiguration().commandSideValueTypes())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    private final Serializer snapshots = new SnapshotConfiguration().snapshotSerialization(spring).serializer();
    /** Reads the expected JSON with exact decimals. */
    private final ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void aSnapshotWithAnObjectPerArrivalReadsIntoTheSameStateAndIsWrittenBackCompact() throws Exception {
        String json = snapshot(new Random(7), 2_000);
        JsonNode before = exact.readTree(json);
        Object project = snapshots.deserialize(serialized(json));

        CapitalArrivals arrivals = arrivalsOf(project);
        before.get("arrivals").fields().forEachRemaining(arrival -> {
            JsonNode reported = arrival.getValue().get("reported");
            assertThat(arrivals.find(arrival.getKey())).as(arrival.getKey()).contains(new CapitalArrivals.Arrival(
                    new Money(reported.get("amount").decimalValue(), Currency.valueOf(reported.get("currency").asText())),
                    LocalDate.parse(arrival.getValue().get("occurredOn").asText()),
                    arrival.getValue().get("verified").asBoolean()));
        });

        JsonNode written = exact.readTree(snapshots.serialize(project, byte[].class).getData());
        assertThat(written.get("arrivals").isTextual()).isTrue();
        assertThat(without(written, "arrivals")).isEqualTo(without(before, "arrivals"));
        assertThat(written.get("signedOn").asText()).isEqualTo("2024-01-28");

        Object again = snapshots.deserialize(serialized(written.toString()));
        assertThat(arrivalsOf(again)).isEqualTo(arrivals);
        assertThat(exact.readTree(snapshots.serialize(again, byte[].class).getData())).isEqualTo(written);
    }

    @Test
    void datesOnlyTheReadPathKnowsAreReadAsJacksonReadsThem() {
        SnapshotConfiguration.IsoDates dates = new SnapshotConfiguration.IsoDates();
        ObjectMapper mapper = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                .addDeserializer(LocalDate.class, dates));
        assertThat(read(mapper, "\"2024-02-29\"")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(read(mapper, "\"0999-12-31\"")).isEqualTo(LocalDate.of(999, 12, 31));
        assertThat(read(mapper, "\"+12024-01-02\"")).isEqualTo(LocalDate.parse("+12024-01-02"));
        assertThatThrownBy(() -> mapper.readValue("\"2023-02-29\"", LocalDate.class)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> mapper.readValue("\"2023-0a-01\"", LocalDate.class)).isInstanceOf(Exception.class);
    }

    private static LocalDate read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, LocalDate.class);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    private static CapitalArrivals arrivalsOf(Object project) throws ReflectiveOperationException {
        Field field = Class.forName(PROJECT).getDeclaredField("arrivals");
        field.setAccessible(true);
        return (CapitalArrivals) field.get(project);
    }

    private static JsonNode without(JsonNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static SerializedObject<byte[]> serialized(String json) {
        return new SimpleSerializedObject<>(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(PROJECT, null));
    }

    /** A snapshot as written before the compact arrivals: a signed project with {@code arrivals} capital arrivals. */
    private static String snapshot(Random random, int arrivals) {
        StringBuilder json = new StringBuilder("""
                {"projectId":"p-1","unitId":"360802","stage":"SIGNED","registered":false,"leadOn":"2024-01-08",
                "signedOn":"2024-01-28","latestMilestoneOn":"2024-01-28","signingCeremony":"签约会",
                "presentedAtCeremonies":["春季签约会"],"responsibleLeader":{"name":"张伟","title":"副区长"},"arrivals":{""");
        for (int i = 0; i < arrivals; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(new UUID(random.nextLong(), random.nextLong())).append("\":")
                    .append("{\"reported\":{\"amount\":").append(100_000 + random.nextInt(900_000)).append('.')
                    .append(random.nextInt(90) + 10).append(",\"currency\":\"").append(i % 7 == 0 ? "USD" : "CNY")
                    .append("\"},\"occurredOn\":\"").append(LocalDate.of(2024, 2, 7).plusDays(random.nextInt(400)))
                    .append("\",\"verified\":").append(random.nextBoolean()).append('}');
        }
        json.append("""
                },"awaitingConstruction":true,"constructionWarningIssued":false,"constructionOverdue":false,
                "watchingForStall":false,"landIdle":false,"idleLandFound":false,"landReclaimed":false}""");
        return json.toString();
    }
}
