package com.zhaoshang.ledger.api.campaign;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The ranking rule's parameters a bulletin was computed with (the query side's {@code ledger.ranking.*}), so that
 * an inspector re-computing it knows which weights and thresholds applied.
 */
public record BulletinRankingRule(Map<Indicator, BigDecimal> weights, BigDecimal completionCap,
                                  BigDecimal overdueDeduction, Integer constructionDeadlineDays,
                                  BigDecimal greenThreshold, BigDecimal yellowThreshold) {
}
