package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 圈而不建 finding: land assigned on {@code landAssignedOn} and no construction {@code idleLandFindingDays} days later;
 * {@code occurredOn} is {@code landAssignedOn + idleLandFindingDays}, {@code detectedOn} the date the rule fired.
 */
@Revision("1")
public record IdleLandFoundEvent(String projectId, UnitId unitId, SupervisionRule rule, String parcelId,
                                 BigDecimal areaMu, LocalDate landAssignedOn, int idleLandFindingDays,
                                 LocalDate occurredOn, LocalDate detectedOn) implements ProjectEvent {
}
