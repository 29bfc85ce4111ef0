package com.zhaoshang.ledger.command.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEventUpcaster;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bulletin event of revision 1 (no rows) reads as revision 2 with its rows marked "not recorded" (AxonIQ code-samples style). */
class BulletinPublishedEventUpcasterTest {

    private static final String REVISION_1 = """
            {"bulletinId":"weekly-towns-2022-07-04","kind":"WEEKLY","title":"一周一快报","peerGroup":"towns",\
            "from":"2022-07-04","to":"2022-07-10"}""";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();
    private final BulletinPublishedEventUpcaster upcaster = new BulletinPublishedEventUpcaster();

    private IntermediateEventRepresentation stored(String revision, String payload) {
        SerializedObject<byte[]> metadata = serializer.serialize(org.axonframework.messaging.MetaData.emptyInstance(), byte[].class);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Bulletin", "weekly-towns-2022-07-04", 0,
                "event-1", Instant.parse("2022-07-11T01:00:00Z"), BulletinPublishedEvent.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), metadata.getData());
        return new InitialEventRepresentation(entry, serializer);
    }

    @Test
    void revisionOneReadsAsRevisionTwoWithoutRows() {
        List<IntermediateEventRepresentation> upcasted = upcaster.upcast(Stream.of(stored("1", REVISION_1))).toList();
        assertThat(upcasted).hasSize(1);
        IntermediateEventRepresentation result = upcasted.get(0);
        assertThat(result.getType()).isEqualTo(new SimpleSerializedType(BulletinPublishedEvent.class.getName(), "2"));
        BulletinPublishedEvent event = serializer.deserialize(result.getData());
        assertThat(event).isEqualTo(new BulletinPublishedEvent("weekly-towns-2022-07-04", BulletinKind.WEEKLY, "一周一快报",
                "towns", null, LocalDate.of(2022, 7, 4), LocalDate.of(2022, 7, 10), false, null));
        assertThat(event.publishedRows()).isEmpty();
    }

    @Test
    void revisionTwoIsLeftAlone() {
        String revision2 = REVISION_1.replace("{", "{\"rowsRecorded\":true,");
        IntermediateEventRepresentation stored = stored("2", revision2);
        List<IntermediateEventRepresentation> upcasted = upcaster.upcast(Stream.of(stored)).toList();
        assertThat(upcasted).containsExactly(stored);
    }

    @Test
    void onlyAJsonObjectIsUpcast() {
        assertThatThrownBy(() -> serializer.deserialize(upcaster.upcast(Stream.of(stored("1", "[]"))).toList().get(0).getData()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
