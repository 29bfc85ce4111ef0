package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records an intent or framework agreement (意向/框架协议): not yet a contract. */
public record SignIntentAgreementCommand(@TargetAggregateIdentifier String projectId, Money amount, LocalDate occurredOn, Long expectedVersion) {
}
