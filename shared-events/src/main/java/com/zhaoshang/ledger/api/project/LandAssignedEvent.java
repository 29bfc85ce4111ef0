package com.zhaoshang.ledger.api.project;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Land was supplied (供地). */
@Revision("1")
public record LandAssignedEvent(String projectId, String parcelId, BigDecimal areaMu, LocalDate occurredOn) implements ProjectEvent {
}
