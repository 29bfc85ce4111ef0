package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An intent or framework agreement was signed (意向/框架协议). */
@Revision("1")
public record IntentAgreementSignedEvent(String projectId, Money amount, LocalDate occurredOn) implements ProjectEvent {
}
