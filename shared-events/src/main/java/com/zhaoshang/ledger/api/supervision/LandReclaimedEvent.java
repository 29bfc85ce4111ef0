package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The idle land of a project was reclaimed, confirmed by an inspector after a reclaim proposal. */
@Revision("1")
public record LandReclaimedEvent(String projectId, UnitId unitId, String parcelId, BigDecimal areaMu, String reason,
                                 LocalDate occurredOn) implements ProjectEvent {
}
