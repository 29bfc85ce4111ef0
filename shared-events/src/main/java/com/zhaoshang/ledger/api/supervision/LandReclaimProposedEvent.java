package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 占而不用 reclaim proposal: land assigned on {@code landAssignedOn} is still idle {@code idleLandReclaimDays} days
 * later; an inspector may confirm the reclamation ({@link LandReclaimedEvent}).
 */
@Revision("1")
public record LandReclaimProposedEvent(String projectId, UnitId unitId, SupervisionRule rule, String parcelId,
                                       BigDecimal areaMu, LocalDate landAssignedOn, int idleLandReclaimDays,
                                       LocalDate occurredOn, LocalDate detectedOn) implements ProjectEvent {
}
