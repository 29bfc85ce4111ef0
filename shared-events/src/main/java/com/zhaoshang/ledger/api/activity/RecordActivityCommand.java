package com.zhaoshang.ledger.api.activity;

import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records an activity of a unit that counts against targets before there is a project: a company visited,
 * an investor inspection hosted, a promotion event held, an outbound trip made. {@code activityId} is made by the server.
 */
public record RecordActivityCommand(@TargetAggregateIdentifier String activityId, UnitId unitId, ActivityKind kind,
                                    String subject, LocalDate occurredOn) {
}
