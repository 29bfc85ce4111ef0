package com.zhaoshang.ledger.api.query.project;

import java.time.LocalDate;

/** The business date ({@code occurredOn}) of each milestone a project reached; {@code null} where not reached. */
public record Milestones(LocalDate leadOn, LocalDate negotiationOn, LocalDate intentOn, LocalDate signedOn,
                         LocalDate registeredOn, LocalDate landOn, LocalDate constructionStartedOn,
                         LocalDate completedOn, LocalDate productionStartedOn, LocalDate endedOn) {
}
