package com.zhaoshang.ledger.query.activity;

import com.zhaoshang.ledger.api.activity.ActivityRecordedEvent;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Keeps table {@code activity_view}: one row per recorded activity, with the user who recorded it. */
@Component
@ProcessingGroup(ActivitiesProjection.GROUP)
public class ActivitiesProjection {

    public static final String GROUP = "activities";

    private final JdbcClient jdbc;

    public ActivitiesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ActivityRecordedEvent event, @Timestamp Instant recordedAt,
                   @MetaDataValue(Actor.USER_ID) String recordedBy) {
        jdbc.sql("""
                        INSERT INTO activity_view (id, unit_id, kind, subject, occurred_on, recorded_at, recorded_by)
                        VALUES (:id, :unitId, :kind, :subject, :occurredOn, :recordedAt, :recordedBy)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", event.activityId())
                .param("unitId", event.unitId().value())
                .param("kind", Rows.name(event.kind()))
                .param("subject", event.subject())
                .param("occurredOn", event.occurredOn())
                .param("recordedAt", Rows.timestamp(recordedAt))
                .param("recordedBy", recordedBy)
                .update();
    }

    @ResetHandler
    public void onReset() {
        jdbc.sql("DELETE FROM activity_view").update();
    }
}
