package com.zhaoshang.ledger.api.supervision;

import java.time.LocalDate;
import java.util.List;

/** The answer to {@link FindOpenFindingsQuery}: the findings, most overdue first, as of {@code asOf}. */
public record OpenFindings(LocalDate asOf, List<OpenFinding> findings) {
}
