package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A lead was registered: the project exists, owned by {@code unitId}. */
@Revision("1")
public record LeadRegisteredEvent(String projectId, String projectName, UnitId unitId, Investor investor, IndustryCode industryCode, Channel channel, Money intendedAmount, LocalDate occurredOn) implements ProjectEvent {
}
