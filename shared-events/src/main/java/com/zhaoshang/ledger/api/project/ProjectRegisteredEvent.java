package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A verifier registered the signed project (签约入库). */
@Revision("1")
public record ProjectRegisteredEvent(String projectId, Evidence evidence, LocalDate occurredOn) implements ProjectEvent {
}
