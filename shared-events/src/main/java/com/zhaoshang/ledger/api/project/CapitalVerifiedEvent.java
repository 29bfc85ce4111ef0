package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A verifier confirmed an arrival for {@code verifiedAmount} (at most the reported amount) on the given evidence. */
@Revision("1")
public record CapitalVerifiedEvent(String projectId, String arrivalId, Money reportedAmount, Money verifiedAmount, Evidence evidence, LocalDate occurredOn) implements ProjectEvent {
}
