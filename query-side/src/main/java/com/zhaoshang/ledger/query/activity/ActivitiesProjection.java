package com.zhaoshang.ledger.query.activity;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.query.common.BatchedWrites;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps table {@code activity_view}: one row per recorded activity, with the user who recorded it. The rows of a
 * processor batch are written together at its commit ({@link BatchedWrites}); a redelivered activity changes nothing.
 */
@Component
@ProcessingGroup(ActivitiesProjection.GROUP)
public class ActivitiesProjection {

    public static final String GROUP = "activities";

    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    public ActivitiesProjection(JdbcClient jdbc, NamedParameterJdbcTemplate namedJdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites(namedJdbc, GROUP);
    }

    @EventHandler
    public void on(ActivityRecordedEvent event, @Timestamp Instant recordedAt,
                   @MetaDataValue(Actor.USER_ID) String recordedBy) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", event.activityId());
        values.put("unitId", event.unitId().value());
        values.put("kind", Rows.name(event.kind()));
        values.put("subject", event.subject());
        values.put("occurredOn", event.occurredOn());
        values.put("recordedAt", Rows.timestamp(recordedAt));
        values.put("recordedBy", recordedBy);
        writes.add(event.activityId(), """
                INSERT INTO activity_view (id, unit_id, kind, subject, occurred_on, recorded_at, recorded_by)
                VALUES (:id, :unitId, :kind, :subject, :occurredOn, :recordedAt, :recordedBy)
                ON CONFLICT (id) DO NOTHING""", values);
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM activity_view").update();
    }
}
