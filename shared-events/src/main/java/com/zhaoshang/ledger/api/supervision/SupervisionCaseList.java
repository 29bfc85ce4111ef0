package com.zhaoshang.ledger.api.supervision;

import java.util.List;

/** The answer to {@link FindSupervisionCasesQuery}, earliest deadline first. */
public record SupervisionCaseList(List<SupervisionCaseSummary> cases) {
}
