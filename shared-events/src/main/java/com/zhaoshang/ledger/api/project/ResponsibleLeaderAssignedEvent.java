package com.zhaoshang.ledger.api.project;

import com.zhaoshang.ledger.api.value.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A leader was made responsible for the project. */
@Revision("1")
public record ResponsibleLeaderAssignedEvent(String projectId, ResponsibleLeader leader, LocalDate occurredOn) implements ProjectEvent {
}
