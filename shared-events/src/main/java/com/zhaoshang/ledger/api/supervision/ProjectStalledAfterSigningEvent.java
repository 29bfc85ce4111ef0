package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 签约即止 warning: no lifecycle fact (registration, land, construction, capital arrival, termination) was recorded
 * in the {@code stalledAfterSigningDays} days after {@code signedOn}; {@code occurredOn} is
 * {@code signedOn + stalledAfterSigningDays}, {@code detectedOn} the business date the rule fired.
 */
@Revision("1")
public record ProjectStalledAfterSigningEvent(String projectId, UnitId unitId, ResponsibleLeader responsibleLeader,
                                              SupervisionRule rule, LocalDate signedOn, int stalledAfterSigningDays,
                                              LocalDate occurredOn, LocalDate detectedOn) implements ProjectEvent {
}
