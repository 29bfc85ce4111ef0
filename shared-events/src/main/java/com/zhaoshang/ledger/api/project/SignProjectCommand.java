package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records the formal contract (正式合同), optionally at a signing ceremony; a project already signed may only be presented at another ceremony, which never counts twice. */
public record SignProjectCommand(@TargetAggregateIdentifier String projectId, Money contractAmount, String ceremony, ResponsibleLeader responsibleLeader, LocalDate occurredOn, Long expectedVersion) {
}
