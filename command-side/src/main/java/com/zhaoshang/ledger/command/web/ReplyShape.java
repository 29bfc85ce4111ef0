package com.zhaoshang.ledger.command.web;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a successful command's answer looks like, decided by the route before the command is sent: the id the body
 * names, and for creating routes the {@code Location}. It travels in the command's metadata, so the idempotency
 * record written inside the command's transaction holds exactly the answer the route gives.
 *
 * @param aggregate the kind of aggregate the command is for, for messages ("project", "unit", "activity")
 * @param id        the id in the answer's body (a capital arrival's id for a new arrival, else the aggregate's)
 * @param location the created resource, or null when the route does not create one
 */
public record ReplyShape(String aggregate, String id, String location) {

    static final String AGGREGATE = "replyAggregate";
    static final String ID = "replyId";
    static final String LOCATION = "replyLocation";

    public ReplyShape {
        Objects.requireNonNull(aggregate, "aggregate is required");
        Objects.requireNonNull(id, "id is required");
    }

    /** A creating route: {@code 201 Created}, {@code Location}, body {@code {"id", "version"}}. */
    public static ReplyShape created(String aggregate, String id, String location) {
        return new ReplyShape(aggregate, id, Objects.requireNonNull(location, "location is required"));
    }

    /** Any other command: {@code 200}, {@code ETag: "<version>"}, body {@code {"id", "version"}}. */
    public static ReplyShape updated(String aggregate, String id) {
        return new ReplyShape(aggregate, id, null);
    }

    public boolean creates() {
        return location != null;
    }

    public Map<String, String> asMetaData() {
        Map<String, String> map = new HashMap<>();
        map.put(AGGREGATE, aggregate);
        map.put(ID, id);
        if (location != null) {
            map.put(LOCATION, location);
        }
        return map;
    }

    /** The shape a command carries, or null when it was sent without one. */
    public static ReplyShape fromMetaData(MetaData metaData) {
        Object aggregate = metaData.get(AGGREGATE);
        Object id = metaData.get(ID);
        if (aggregate == null || id == null) {
            return null;
        }
        Object location = metaData.get(LOCATION);
        return new ReplyShape(aggregate.toString(), id.toString(), location == null ? null : location.toString());
    }
}
