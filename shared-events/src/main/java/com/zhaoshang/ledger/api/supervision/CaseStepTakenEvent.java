package com.zhaoshang.ledger.api.supervision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A step of a supervision case's workflow was taken; {@link CaseStep#CLOSE} closes it (办结). */
@Revision("1")
public record CaseStepTakenEvent(String caseId, CaseStep step, String note, LocalDate occurredOn) {
}
