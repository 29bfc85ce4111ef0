package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.Indicator;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ranking rule's parameters ({@code ledger.ranking.*}; defaults in query-side-defaults.properties).
 *
 * @param weights                  weight of each indicator in the score; an indicator without weight counts 0
 * @param completionCap            completion of one indicator counts at most this much (1.2 = 120%)
 * @param overdueDeduction         subtracted from the score for each project overdue to start
 * @param constructionDeadlineDays a project signed more than this many days before the period's end without
 *                                 construction start is overdue (限时开工)
 * @param greenThreshold           score at or above this (times the expected progress) is GREEN
 * @param yellowThreshold          score at or above this (times the expected progress) is YELLOW; below is RED
 */
@ConfigurationProperties(prefix = "ledger.ranking")
public record RankingProperties(Map<Indicator, BigDecimal> weights, BigDecimal completionCap, BigDecimal overdueDeduction,
                                Integer constructionDeadlineDays, BigDecimal greenThreshold, BigDecimal yellowThreshold) {

    public RankingProperties {
        weights = weights == null ? new EnumMap<>(Indicator.class) : new EnumMap<>(weights);
        completionCap = completionCap == null ? new BigDecimal("1.2") : completionCap;
        overdueDeduction = overdueDeduction == null ? new BigDecimal("0.1") : overdueDeduction;
        constructionDeadlineDays = constructionDeadlineDays == null ? 180 : constructionDeadlineDays;
        greenThreshold = greenThreshold == null ? new BigDecimal("0.8") : greenThreshold;
        yellowThreshold = yellowThreshold == null ? new BigDecimal("0.5") : yellowThreshold;
    }

    public BigDecimal weightOf(Indicator indicator) {
        return weights.getOrDefault(indicator, BigDecimal.ZERO);
    }
}
