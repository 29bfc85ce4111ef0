package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Names (or replaces) the leader who answers for the project (包抓领导). */
public record AssignResponsibleLeaderCommand(@TargetAggregateIdentifier String projectId, ResponsibleLeader leader, LocalDate occurredOn, Long expectedVersion) {
}
