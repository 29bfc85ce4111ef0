package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.query.campaign.CampaignViews;
import com.zhaoshang.ledger.query.campaign.CampaignViews.CampaignDetail;
import com.zhaoshang.ledger.query.campaign.CampaignViews.Filter;
import com.zhaoshang.ledger.query.campaign.CampaignViews.Target;
import com.zhaoshang.ledger.query.views.IndicatorCounter;
import com.zhaoshang.ledger.query.views.Measure;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rankings within a peer group (三色预警). The formula, for each unit (its figures include its subtree):
 * <ul>
 *   <li><b>campaign</b> ({@code campaignId}): for each of the unit's targets in the campaign,
 *   {@code c = min(actual / target, completionCap)}; units of the peer group without a target in the campaign are
 *   not ranked;</li>
 *   <li><b>period</b> ({@code from}, {@code to}): for each weighted indicator (unfiltered; signed amount in CNY),
 *   {@code c = actual / (the best actual in the peer group)}, 0 when nobody has any;</li>
 *   <li>{@code score = Σ(weight × c) / Σ weight − overdueDeduction × (projects overdue to start at the period's end)},
 *   4 decimals half up (0 when no weighted indicator applies);</li>
 *   <li>order: score descending, then verified CNY capital in the period descending, then unit id ascending;
 *   ranks are 1..n with no shared rank;</li>
 *   <li>{@code previousRank}: the same ranking over the preceding period of the same length (a campaign: its window
 *   shifted back by its length, same targets); {@code movement = previousRank − rank} (positive: moved up);</li>
 *   <li>colour: RED when any project is overdue or {@code score < yellowThreshold × expected}, YELLOW when
 *   {@code score < greenThreshold × expected}, else GREEN, where {@code expected} is the share of the period elapsed
 *   on the clock's today (1 for a finished period).</li>
 * </ul>
 */
@Service
@EnableConfigurationProperties(RankingProperties.class)
public class RankingService {

    public enum Colour { GREEN, YELLOW, RED }

    public record IndicatorValue(Indicator indicator, Filter filter, Currency currency, BigDecimal actual,
                                 BigDecimal target, BigDecimal completion, BigDecimal weight) {
    }

    public record RankingRow(int rank, Integer previousRank, Integer movement, String unitId, String unitName,
                             BigDecimal score, Colour colour, long overdueProjects, List<IndicatorValue> indicators) {
    }

    public record Ranking(String peerGroup, String campaignId, LocalDate from, LocalDate to, LocalDate previousFrom,
                          LocalDate previousTo, BigDecimal expectedProgress, List<RankingRow> rows) {
    }

    private final JdbcClient jdbc;
    private final IndicatorCounter counter;
    private final CampaignViews campaigns;
    private final RankingProperties properties;
    private final Clock clock;

    public RankingService(JdbcClient jdbc, IndicatorCounter counter, CampaignViews campaigns, RankingProperties properties,
                          Clock clock) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
    }

    /** A period ranking of the peer group's units, from everything known now. */
    public Ranking forPeriod(String peerGroup, LocalDate from, LocalDate to) {
        return forPeriod(peerGroup, from, to, null);
    }

    /** A period ranking as known at {@code knownAt}: only facts recorded by then count (a bulletin's view). */
    public Ranking forPeriod(String peerGroup, LocalDate from, LocalDate to, Instant knownAt) {
        List<String> units = jdbc.sql("SELECT unit_id FROM views_unit WHERE peer_group = ? ORDER BY unit_id")
                .param(peerGroup).query(String.class).list();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(days);
        LocalDate previousTo = from.minusDays(1);
        Map<Indicator, Measure> measures = periodMeasures();
        List<Scored> current;
        List<Scored> previous;
        if (knownAt == null) {
            // both windows in one statement from the counters, both overdue counts in another
            List<Map<String, Map<Measure, BigDecimal>>> counted = counter.actuals(units, measures.values(),
                    List.of(new IndicatorCounter.Window(from, to), new IndicatorCounter.Window(previousFrom, previousTo)));
            List<Map<String, Long>> overdue = counter.overdueToStart(units, List.of(to, previousTo),
                    properties.constructionDeadlineDays());
            current = scorePeriod(units, measures, counted.get(0), overdue.get(0));
            previous = scorePeriod(units, measures, counted.get(1), overdue.get(1));
        } else {
            current = scorePeriod(units, from, to, knownAt);
            previous = scorePeriod(units, previousFrom, previousTo, knownAt);
        }
        return ranking(peerGroup, null, from, to, previousFrom, previousTo, current, previous, knownAt);
    }

    /** A campaign ranking of the targeted units (of the peer group, when one is given), from everything known now. */
    public Ranking forCampaign(CampaignDetail campaign, String peerGroup) {
        return forCampaign(campaign, peerGroup, null);
    }

    /** A campaign ranking as known at {@code knownAt} (null: now). */
    public Ranking forCampaign(CampaignDetail campaign, String peerGroup, Instant knownAt) {
        List<String> peers = peerGroup == null ? null
                : jdbc.sql("SELECT unit_id FROM views_unit WHERE peer_group = ?").param(peerGroup).query(String.class).list();
        Map<String, List<Target>> byUnit = new java.util.TreeMap<>();
        for (Target t : campaign.targets()) {
            if (peers == null || peers.contains(t.unitId())) {
                byUnit.computeIfAbsent(t.unitId(), u -> new ArrayList<>()).add(t);
            }
        }
        long days = ChronoUnit.DAYS.between(campaign.from(), campaign.to()) + 1;
        LocalDate previousFrom = campaign.from().minusDays(days);
        LocalDate previousTo = campaign.from().minusDays(1);
        List<Scored> current = scoreCampaign(byUnit, campaign.from(), campaign.to(), knownAt);
        List<Scored> previous = scoreCampaign(byUnit, previousFrom, previousTo, knownAt);
        return ranking(peerGroup, campaign.id(), campaign.from(), campaign.to(), previousFrom, previousTo, current, previous,
                knownAt);
    }

    private record Scored(String unitId, BigDecimal score, BigDecimal verifiedCny, long overdue, List<IndicatorValue> values) {
    }

    private static Map<Indicator, Measure> periodMeasures() {
        Map<Indicator, Measure> measures = new java.util.EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            measures.put(indicator, Measure.of(indicator));
        }
        return measures;
    }

    private List<Scored> scorePeriod(List<String> units, LocalDate from, LocalDate to, Instant knownAt) {
        Map<Indicator, Measure> measures = periodMeasures();
        Map<String, Map<Measure, BigDecimal>> counted = counter.actuals(units, measures.values(), from, to, knownAt);
        Map<String, Long> overdue = counter.overdueToStart(units, to, properties.constructionDeadlineDays(), knownAt);
        return scorePeriod(units, measures, counted, overdue);
    }

    private List<Scored> scorePeriod(List<String> units, Map<Indicator, Measure> measures,
                                     Map<String, Map<Measure, BigDecimal>> counted, Map<String, Long> overdue) {
        Map<String, Map<Indicator, BigDecimal>> actuals = new HashMap<>();
        Map<Indicator, BigDecimal> best = new java.util.EnumMap<>(Indicator.class);
        for (String unit : units) {
            Map<Indicator, BigDecimal> values = new java.util.EnumMap<>(Indicator.class);
            for (Indicator indicator : Indicator.values()) {
                BigDecimal actual = counted.get(unit).get(measures.get(indicator));
                values.put(indicator, actual);
                best.merge(indicator, actual, BigDecimal::max);
            }
            actuals.put(unit, values);
        }
        List<Scored> scored = new ArrayList<>();
        for (String unit : units) {
            List<IndicatorValue> values = new ArrayList<>();
            for (Indicator indicator : Indicator.values()) {
                BigDecimal actual = actuals.get(unit).get(indicator);
                BigDecimal top = best.get(indicator);
                BigDecimal completion = top.signum() == 0 ? BigDecimal.ZERO : actual.divide(top, 6, RoundingMode.HALF_UP);
                values.add(new IndicatorValue(indicator, null, indicator.currencyOf(null), actual, null,
                        completion.setScale(3, RoundingMode.HALF_UP), properties.weightOf(indicator)));
            }
            scored.add(score(unit, values, actuals.get(unit).get(Indicator.CAPITAL_VERIFIED_CNY),
                    completionsOf(values, actuals.get(unit), best), overdue.get(unit)));
        }
        return scored;
    }

    private static List<BigDecimal> completionsOf(List<IndicatorValue> values, Map<Indicator, BigDecimal> actuals,
                                                  Map<Indicator, BigDecimal> best) {
        List<BigDecimal> completions = new ArrayList<>();
        for (IndicatorValue v : values) {
            BigDecimal top = best.get(v.indicator());
            completions.add(top.signum() == 0 ? BigDecimal.ZERO : actuals.get(v.indicator()).divide(top, 10, RoundingMode.HALF_UP));
        }
        return completions;
    }

    private List<Scored> scoreCampaign(Map<String, List<Target>> byUnit, LocalDate from, LocalDate to, Instant knownAt) {
        Measure verifiedCnyMeasure = Measure.of(Indicator.CAPITAL_VERIFIED_CNY);
        List<Measure> measures = new ArrayList<>();
        measures.add(verifiedCnyMeasure);
        byUnit.values().forEach(targets -> targets.forEach(t -> measures.add(t.measure())));
        Map<String, Map<Measure, BigDecimal>> counted = counter.actuals(byUnit.keySet(), measures, from, to, knownAt);
        Map<String, Long> overdue = counter.overdueToStart(byUnit.keySet(), to, properties.constructionDeadlineDays(), knownAt);
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<String, List<Target>> entry : byUnit.entrySet()) {
            List<IndicatorValue> values = new ArrayList<>();
            List<BigDecimal> completions = new ArrayList<>();
            for (Target t : entry.getValue()) {
                BigDecimal actual = counted.get(t.unitId()).get(t.measure());
                BigDecimal completion = actual.divide(t.target(), 10, RoundingMode.HALF_UP).min(properties.completionCap());
                completions.add(completion);
                values.add(new IndicatorValue(t.indicator(), t.filter(), t.currency(), actual, t.target(),
                        completion.setScale(3, RoundingMode.HALF_UP), properties.weightOf(t.indicator())));
            }
            BigDecimal verifiedCny = counted.get(entry.getKey()).get(verifiedCnyMeasure);
            scored.add(score(entry.getKey(), values, verifiedCny, completions, overdue.get(entry.getKey())));
        }
        return scored;
    }

    private Scored score(String unit, List<IndicatorValue> values, BigDecimal verifiedCny, List<BigDecimal> completions,
                         long overdue) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < values.size(); i++) {
            BigDecimal w = values.get(i).weight();
            weighted = weighted.add(w.multiply(completions.get(i).min(properties.completionCap())));
            weights = weights.add(w);
        }
        BigDecimal base = weights.signum() == 0 ? BigDecimal.ZERO : weighted.divide(weights, 10, RoundingMode.HALF_UP);
        BigDecimal score = base.subtract(properties.overdueDeduction().multiply(BigDecimal.valueOf(overdue)))
                .setScale(4, RoundingMode.HALF_UP);
        return new Scored(unit, score, verifiedCny, overdue, values);
    }

    /** Score descending, then verified CNY capital descending, then unit id ascending. */
    static final Comparator<Scored> ORDER = Comparator.comparing(Scored::score).reversed()
            .thenComparing(Comparator.comparing(Scored::verifiedCny).reversed())
            .thenComparing(Scored::unitId);

    private Ranking ranking(String peerGroup, String campaignId, LocalDate from, LocalDate to, LocalDate previousFrom,
                            LocalDate previousTo, List<Scored> current, List<Scored> previous, Instant knownAt) {
        List<Scored> ordered = current.stream().sorted(ORDER).toList();
        Map<String, Integer> previousRanks = new HashMap<>();
        List<Scored> previousOrdered = previous.stream().sorted(ORDER).toList();
        for (int i = 0; i < previousOrdered.size(); i++) {
            previousRanks.put(previousOrdered.get(i).unitId(), i + 1);
        }
        BigDecimal expected = expectedProgress(from, to, knownAt == null ? LocalDate.now(clock) : LocalDate.ofInstant(knownAt, clock.getZone()));
        Map<String, String> names = counter.names();
        List<RankingRow> rows = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Scored s = ordered.get(i);
            Integer previousRank = previousRanks.get(s.unitId());
            rows.add(new RankingRow(i + 1, previousRank, previousRank == null ? null : previousRank - (i + 1),
                    s.unitId(), names.get(s.unitId()), s.score(), colour(s, expected), s.overdue(), s.values()));
        }
        return new Ranking(peerGroup, campaignId, from, to, previousFrom, previousTo, expected, rows);
    }

    /** The three-colour warning (三色预警). */
    Colour colour(Scored scored, BigDecimal expected) {
        if (scored.overdue() > 0 || scored.score().compareTo(properties.yellowThreshold().multiply(expected)) < 0) {
            return Colour.RED;
        }
        if (scored.score().compareTo(properties.greenThreshold().multiply(expected)) < 0) {
            return Colour.YELLOW;
        }
        return Colour.GREEN;
    }

    /** The share of the period elapsed on {@code today} (the clock's, or a bulletin's day): 0..1, 3 decimals; 1 once it is over. */
    static BigDecimal expectedProgress(LocalDate from, LocalDate to, LocalDate today) {
        if (today.isAfter(to)) {
            return BigDecimal.ONE;
        }
        if (today.isBefore(from)) {
            return BigDecimal.ZERO;
        }
        long total = ChronoUnit.DAYS.between(from, to) + 1;
        long elapsed = ChronoUnit.DAYS.between(from, today) + 1;
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP);
    }
}
