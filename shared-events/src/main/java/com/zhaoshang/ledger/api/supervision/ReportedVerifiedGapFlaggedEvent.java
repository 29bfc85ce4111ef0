package com.zhaoshang.ledger.api.supervision;

import com.zhaoshang.ledger.api.project.ProjectEvent;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 防止水份 (DOMAIN.md rule 8): a capital verification found less than was reported, short by more than
 * {@code thresholdRatio} ({@code ledger.rules.reported-verified-gap-ratio}, 0.20). Applied in the same command as the
 * {@code CapitalVerifiedEvent} it flags, for inspectors.
 *
 * @param rule           always {@link SupervisionRule#REPORTED_VERIFIED_GAP}
 * @param thresholdRatio the ratio the gap exceeded (e.g. 0.20)
 * @param reported       the amount the front office reported for the arrival
 * @param verified       the amount the verifier confirmed on evidence (same currency)
 * @param gapRatio       (reported − verified) / reported, 4 decimals, half up
 * @param occurredOn     the date of the verification
 */
@Revision("1")
public record ReportedVerifiedGapFlaggedEvent(String projectId, UnitId unitId, String arrivalId, SupervisionRule rule,
                                              BigDecimal thresholdRatio, Money reported, Money verified,
                                              BigDecimal gapRatio, LocalDate occurredOn) implements ProjectEvent {
}
