package com.zhaoshang.ledger.query.campaign;

import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.query.views.IndicatorCounter;
import com.zhaoshang.ledger.query.views.Measure;
import com.zhaoshang.ledger.query.views.Ratios;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Campaigns and their progress. Per target: {@code actual} (facts of the unit and its subtree inside the window),
 * {@code target}, {@code completion} = actual / target (3 decimals, half up).
 * <p>
 * Totals, per indicator, filter and currency: the targets and actuals of the <em>top-most</em> targeted units (a unit
 * whose ancestor is also targeted for the same measure is already inside the ancestor's figures), so nothing is
 * counted twice. Roll-ups: every ancestor (in the unit tree) of a targeted unit that has no target of its own for the
 * measure gets a row whose actual is its whole subtree's and whose target is the sum of the top-most targets below it.
 */
@Service
public class CampaignViews {

    private final JdbcClient jdbc;
    private final IndicatorCounter counter;

    public CampaignViews(JdbcClient jdbc, IndicatorCounter counter) {
        this.jdbc = jdbc;
        this.counter = counter;
    }

    public record CampaignSummary(String id, String name, LocalDate from, LocalDate to) {
    }

    public record Filter(Boolean industrial, Money minAmount) {
    }

    public record Target(String unitId, Indicator indicator, Filter filter, BigDecimal target, Currency currency) {

        public Measure measure() {
            return new Measure(indicator, filter == null ? null : filter.industrial(),
                    filter == null ? null : filter.minAmount(), currency);
        }

        MeasureKey key() {
            return new MeasureKey(indicator, filter, currency);
        }
    }

    public record MeasureKey(Indicator indicator, Filter filter, Currency currency) {
    }

    public record CampaignDetail(String id, String name, LocalDate from, LocalDate to, List<Target> targets) {
    }

    public record ProgressRow(String unitId, String unitName, Indicator indicator, Filter filter, Currency currency,
                              BigDecimal actual, BigDecimal target, BigDecimal completion, boolean rollup) {
    }

    public record TotalRow(Indicator indicator, Filter filter, Currency currency, BigDecimal actual, BigDecimal target,
                           BigDecimal completion) {
    }

    public record Progress(String campaignId, String name, LocalDate from, LocalDate to, List<ProgressRow> units,
                           List<TotalRow> totals) {
    }

    public List<CampaignSummary> list() {
        return jdbc.sql("SELECT campaign_id, name, date_from, date_to FROM views_campaign ORDER BY date_from DESC, campaign_id")
                .query((rs, n) -> new CampaignSummary(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }

    public Optional<CampaignDetail> find(String campaignId) {
        return jdbc.sql("SELECT campaign_id, name, date_from, date_to FROM views_campaign WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new CampaignSummary(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .optional()
                .map(c -> new CampaignDetail(c.id(), c.name(), c.from(), c.to(), targets(c.id())));
    }

    public List<Target> targets(String campaignId) {
        return jdbc.sql("""
                        SELECT unit_id, indicator, industrial, min_amount, min_currency, target, currency
                        FROM views_campaign_target WHERE campaign_id = ? ORDER BY position""")
                .param(campaignId)
                .query((rs, n) -> {
                    Boolean industrial = (Boolean) rs.getObject("industrial");
                    BigDecimal min = rs.getBigDecimal("min_amount");
                    Filter filter = industrial == null && min == null ? null
                            : new Filter(industrial, min == null ? null : new Money(min, Currency.valueOf(rs.getString("min_currency"))));
                    String currency = rs.getString("currency");
                    Indicator indicator = Indicator.valueOf(rs.getString("indicator"));
                    BigDecimal target = rs.getBigDecimal("target").setScale(indicator.isAmount() ? 2 : 0, java.math.RoundingMode.UNNECESSARY);
                    return new Target(rs.getString("unit_id"), indicator, filter, target,
                            currency == null ? null : Currency.valueOf(currency));
                })
                .list();
    }

    /** Progress of a campaign as the facts known now give it; empty when the campaign is unknown. */
    public Optional<Progress> progress(String campaignId) {
        return find(campaignId).map(this::progress);
    }

    public Progress progress(CampaignDetail campaign) {
        return progress(campaign, campaign.from(), campaign.to(), null);
    }

    /** Progress as known at {@code knownAt}: only facts recorded by then count (null: everything known now). */
    public Optional<Progress> progress(String campaignId, Instant knownAt) {
        return find(campaignId).map(c -> progress(c, c.from(), c.to(), knownAt));
    }

    /** Progress of the campaign's targets over a window, as known at {@code knownAt} (null: now). */
    public Progress progress(CampaignDetail campaign, LocalDate from, LocalDate to, Instant knownAt) {
        Map<String, String> names = counter.names();
        IndicatorCounter.Ancestry tree = counter.ancestry();
        Map<String, List<String>> ancestors = new LinkedHashMap<>();
        for (Target t : campaign.targets()) {
            ancestors.computeIfAbsent(t.unitId(), tree::of);
        }
        // every figure of the view (targeted units and their ancestors, every measure) in one statement
        Set<String> units = new LinkedHashSet<>();
        List<Measure> measures = new ArrayList<>();
        for (Target t : campaign.targets()) {
            units.add(t.unitId());
            units.addAll(ancestors.get(t.unitId()));
            measures.add(t.measure());
        }
        Map<String, Map<Measure, BigDecimal>> counted = counter.actuals(units, measures, from, to, knownAt);
        List<ProgressRow> rows = new ArrayList<>();
        Map<MeasureKey, List<Target>> byMeasure = new LinkedHashMap<>();
        for (Target t : campaign.targets()) {
            BigDecimal actual = counted.get(t.unitId()).get(t.measure());
            rows.add(new ProgressRow(t.unitId(), names.get(t.unitId()), t.indicator(), t.filter(), t.currency(),
                    actual, t.target(), Ratios.ratio(actual, t.target()), false));
            byMeasure.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
        }
        List<TotalRow> totals = new ArrayList<>();
        for (Map.Entry<MeasureKey, List<Target>> entry : byMeasure.entrySet()) {
            List<Target> targets = entry.getValue();
            Set<String> targeted = new HashSet<>();
            targets.forEach(t -> targeted.add(t.unitId()));
            List<Target> topMost = targets.stream()
                    .filter(t -> ancestors.get(t.unitId()).stream().noneMatch(targeted::contains))
                    .toList();
            MeasureKey key = entry.getKey();
            Measure measure = topMost.get(0).measure();
            BigDecimal actual = BigDecimal.ZERO;
            BigDecimal target = BigDecimal.ZERO;
            for (Target t : topMost) {
                actual = actual.add(rows.get(campaign.targets().indexOf(t)).actual());
                target = target.add(t.target());
            }
            totals.add(new TotalRow(key.indicator(), key.filter(), key.currency(), actual, target, Ratios.ratio(actual, target)));
            Set<String> rollupUnits = new LinkedHashSet<>();
            for (Target t : topMost) {
                rollupUnits.addAll(ancestors.get(t.unitId()));
            }
            for (String unit : rollupUnits) {
                BigDecimal below = topMost.stream()
                        .filter(t -> ancestors.get(t.unitId()).contains(unit))
                        .map(Target::target)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal rolled = counted.get(unit).get(measure);
                rows.add(new ProgressRow(unit, names.get(unit), key.indicator(), key.filter(), key.currency(),
                        rolled, below, Ratios.ratio(rolled, below), true));
            }
        }
        return new Progress(campaign.id(), campaign.name(), from, to, rows, totals);
    }
}
