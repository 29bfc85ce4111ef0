package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The formal contract was signed: the one and only signing that counts. */
@Revision("1")
public record ProjectSignedEvent(String projectId, Money contractAmount, String ceremony, ResponsibleLeader responsibleLeader, LocalDate occurredOn) implements ProjectEvent {
}
