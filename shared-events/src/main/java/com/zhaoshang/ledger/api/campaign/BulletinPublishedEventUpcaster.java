package com.zhaoshang.ledger.api.campaign;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link BulletinPublishedEvent} revision 1 → 2. Revision 1 named what was ranked but held no rows (the query side
 * computed them when it projected the event); revision 2 holds them. An old event is read as "rows not recorded":
 * {@code rowsRecorded} false and no {@code ranking}. The payload is a JSON object (the Jackson serializer); it is
 * edited as text, so that this vocabulary module needs no JSON library: the new member goes first.
 * Each side registers one as a bean (Axon picks up every {@code EventUpcaster} bean).
 */
public class BulletinPublishedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(BulletinPublishedEvent.class.getTypeName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(BulletinPublishedEvent.class.getTypeName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, String.class, BulletinPublishedEventUpcaster::rowsNotRecorded);
    }

    /** Adds {@code "rowsRecorded":false} as the first member of the payload's JSON object. */
    static String rowsNotRecorded(String payload) {
        String json = payload.strip();
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("a BulletinPublishedEvent revision 1 payload is a JSON object");
        }
        String members = json.substring(1, json.length() - 1).strip();
        return "{\"rowsRecorded\":false" + (members.isEmpty() ? "" : "," + members) + "}";
    }
}
