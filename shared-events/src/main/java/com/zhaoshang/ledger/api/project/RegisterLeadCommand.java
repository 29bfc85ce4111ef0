package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Registers a lead (招商信息/线索): the project's birth, owned by {@code unitId}. */
public record RegisterLeadCommand(@TargetAggregateIdentifier String projectId, String projectName, UnitId unitId, Investor investor, IndustryCode industryCode, Channel channel, Money intendedAmount, LocalDate occurredOn) {
}
