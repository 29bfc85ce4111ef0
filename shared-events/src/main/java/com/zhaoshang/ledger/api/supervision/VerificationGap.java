package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One {@link ReportedVerifiedGapFlaggedEvent} as inspectors read it. */
public record VerificationGap(String projectId, String projectName, UnitId unitId, String arrivalId,
                              BigDecimal thresholdRatio, Money reported, Money verified, BigDecimal gapRatio,
                              LocalDate verifiedOn, Instant recordedAt) {
}
