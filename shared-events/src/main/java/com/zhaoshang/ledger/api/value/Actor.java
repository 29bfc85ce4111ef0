package com.zhaoshang.ledger.api.value;

import java.util.Map;
import java.util.Objects;

/**
 * Who recorded a fact: the authenticated user, the role they acted in and the unit they belong to.
 * It travels in every message's metadata under {@link #USER_ID}, {@link #ROLE} and {@link #UNIT_ID}, never in a payload.
 */
public record Actor(String userId, Role role, UnitId unitId) {

    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String UNIT_ID = "unitId";

    public Actor {
        Objects.requireNonNull(userId, "userId is required");
        Objects.requireNonNull(role, "role is required");
        Objects.requireNonNull(unitId, "unitId is required");
    }

    public Map<String, String> asMetaData() {
        return Map.of(USER_ID, userId, ROLE, role.name(), UNIT_ID, unitId.value());
    }

    /** Reads an actor back from message metadata; null when the message carries none (e.g. a rule's own event). */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object user = metaData.get(USER_ID);
        Object role = metaData.get(ROLE);
        Object unit = metaData.get(UNIT_ID);
        if (user == null || role == null || unit == null) {
            return null;
        }
        return new Actor(user.toString(), Role.valueOf(role.toString()), new UnitId(unit.toString()));
    }
}
