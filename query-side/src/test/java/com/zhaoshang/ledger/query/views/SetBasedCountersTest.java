package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.query.testing.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based counters (one statement for many units and measures) give exactly the figures of the straightforward
 * per-unit computation, on a few hundred random facts in a random unit tree, with and without "as known at".
 */
class SetBasedCountersTest extends QuerySideIntegrationTest {

    private static final LocalDate START = LocalDate.of(2011, 1, 1);
    private static final Instant RECORDING_START = Instant.parse("2011-01-01T00:00:00Z");

    @Autowired
    IndicatorCounter counter;

    @Autowired
    ViewCounters counters;

    private final Random random = new Random(20261122L);
    private final List<String> units = new ArrayList<>();

    @BeforeEach
    void randomTreeWithFactsAndProjects() {
        String prefix = "sb" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 30; i++) {
            String unit = prefix + "-" + i;
            // the first three are roots; every other unit hangs below an earlier one
            String parent = i < 3 ? null : units.get(random.nextInt(i));
            jdbc.sql("INSERT INTO views_unit (unit_id, name, kind, parent_id, peer_group) VALUES (?, ?, 'TOWN', ?, ?)")
                    .params(unit, "unit " + i, parent, prefix).update();
            counters.unitPlaced(unit);
            units.add(unit);
        }
        // a unit nobody registered in the tree is its own subtree
        units.add(prefix + "-unknown");
        Indicator[] indicators = Indicator.values();
        for (int i = 0; i < 400; i++) {
            Indicator indicator = indicators[random.nextInt(indicators.length)];
            Currency currency = indicator == Indicator.SIGNED_AMOUNT
                    ? Currency.values()[random.nextInt(Currency.values().length)] : indicator.currencyOf(null);
            BigDecimal amount = indicator.isAmount() ? BigDecimal.valueOf(random.nextInt(1_000_000_00), 2) : null;
            String unit = units.get(random.nextInt(units.size()));
            LocalDate occurredOn = START.plusDays(random.nextInt(730));
            boolean industrial = random.nextBoolean();
            jdbc.sql("""
                            INSERT INTO views_fact (fact_key, indicator, unit_id, occurred_on, quantity, amount, currency,
                                                    project_id, industrial, ref_amount, ref_currency, recorded_at)
                            VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(prefix + ":fact:" + i, indicator.name(), unit,
                            occurredOn, amount, currency == null ? null : currency.name(),
                            prefix + ":project:" + i, industrial,
                            BigDecimal.valueOf(random.nextInt(1000) * 100_000L, 2),
                            Currency.values()[random.nextInt(Currency.values().length)].name(),
                            Timestamp.from(RECORDING_START.plusSeconds(random.nextInt(900 * 86_400))))
                    .update();
            // written by hand here, so its counters too (the projection does both in one transaction)
            counters.factWritten(null, new ViewCounters.Counted(unit, indicator.name(), occurredOn, amount,
                    currency == null ? null : currency.name(), industrial));
        }
        for (int i = 0; i < 120; i++) {
            LocalDate signed = random.nextInt(5) == 0 ? null : START.plusDays(random.nextInt(600));
            jdbc.sql("""
                            INSERT INTO views_project (project_id, unit_id, industry_code, industrial, lead_on, signed_on,
                                                       construction_on, terminated_on, abandoned_on, signed_recorded_at,
                                                       construction_recorded_at, terminated_recorded_at, abandoned_recorded_at)
                            VALUES (?, ?, 'C3011', true, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(prefix + ":project:" + i, units.get(random.nextInt(units.size())), START, signed,
                            laterOrNull(signed, 4), laterOrNull(signed, 8), laterOrNull(signed, 8),
                            signed == null ? null : recordedAt(), recordedAt(), recordedAt(), recordedAt())
                    .update();
        }
    }

    @Test
    void actualsOfManyUnitsAndMeasuresEqualThePerUnitFigures() {
        List<Measure> measures = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            measures.add(Measure.of(indicator));
        }
        measures.add(new Measure(Indicator.SIGNED_AMOUNT, null, null, Currency.USD));
        measures.add(new Measure(Indicator.PROJECTS_SIGNED, true, null, null));
        measures.add(new Measure(Indicator.LEADS_COLLECTED, false, Money.cny("3000.00"), null));
        measures.add(new Measure(Indicator.SIGNED_AMOUNT, true, Money.usd("1000.00"), Currency.CNY));
        int compared = 0;
        for (int round = 0; round < 6; round++) {
            LocalDate from = START.plusDays(random.nextInt(500));
            LocalDate to = from.plusDays(random.nextInt(400));
            Instant knownAt = round % 2 == 0 ? null : RECORDING_START.plusSeconds(random.nextInt(900 * 86_400));

            Map<String, Map<Measure, BigDecimal>> bulk = counter.actuals(units, measures, from, to, knownAt);

            assertThat(bulk).containsOnlyKeys(units);
            for (String unit : units) {
                for (Measure measure : measures) {
                    assertThat(bulk.get(unit).get(measure))
                            .as("%s %s %s..%s known at %s", unit, measure, from, to, knownAt)
                            .isEqualTo(counter.actual(unit, measure, from, to, knownAt));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(6 * units.size() * measures.size());
        assertThat(counter.actuals(units, measures, START, START.plusDays(800), null).values())
                .as("the random facts do count somewhere")
                .anySatisfy(values -> assertThat(values.values()).anySatisfy(v -> assertThat(v.signum()).isPositive()));
    }

    @Test
    void overdueProjectsOfManyUnitsEqualThePerUnitCounts() {
        long total = 0;
        for (int round = 0; round < 6; round++) {
            LocalDate asOf = START.plusDays(200 + random.nextInt(600));
            Instant knownAt = round % 2 == 0 ? null : RECORDING_START.plusSeconds(random.nextInt(900 * 86_400));

            Map<String, Long> bulk = counter.overdueToStart(units, asOf, 180, knownAt);

            assertThat(bulk).containsOnlyKeys(units);
            for (String unit : units) {
                assertThat(bulk.get(unit)).as("%s as of %s known at %s", unit, asOf, knownAt)
                        .isEqualTo(counter.overdueToStart(unit, asOf, 180, knownAt));
                total += bulk.get(unit);
            }
        }
        assertThat(total).as("some projects are overdue").isPositive();
    }

    @Test
    void ancestryReadOnceGivesTheAncestorsOfEveryUnit() {
        IndicatorCounter.Ancestry ancestry = counter.ancestry();

        for (String unit : units) {
            assertThat(ancestry.of(unit)).as(unit).isEqualTo(counter.ancestors(unit));
        }
        assertThat(units).anySatisfy(unit -> assertThat(ancestry.of(unit)).isNotEmpty());
    }

    private LocalDate laterOrNull(LocalDate date, int oneIn) {
        return date == null || random.nextInt(oneIn) != 0 ? null : date.plusDays(random.nextInt(400));
    }

    private Timestamp recordedAt() {
        return Timestamp.from(RECORDING_START.plusSeconds(random.nextInt(900 * 86_400)));
    }
}
