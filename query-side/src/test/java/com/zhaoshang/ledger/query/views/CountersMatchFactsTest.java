package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.project.CapitalVerifiedEvent;
import com.zhaoshang.ledger.api.project.ConstructionStartedEvent;
import com.zhaoshang.ledger.api.project.ProjectSignedEvent;
import com.zhaoshang.ledger.api.unit.UnitRegisteredEvent;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Evidence;
import com.zhaoshang.ledger.api.value.EvidenceKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.ResponsibleLeader;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.conversion.ConversionOracle;
import com.zhaoshang.ledger.query.conversion.ConversionService;
import com.zhaoshang.ledger.query.ranking.RankingProperties;
import com.zhaoshang.ledger.query.ranking.RankingService;
import com.zhaoshang.ledger.query.views.IndicatorCounter.Window;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters and the closure the leader-views projection keeps give exactly the answers of the computation over
 * the facts (the code before the counters, kept for "as known at": {@link IndicatorCounter#actualsFromFacts}, the
 * per-unit overdue count, {@link ConversionOracle}), on random events through the real processors: a tree whose units
 * are registered in random order (towns before their district, a unit moved), backdated facts, corrections (a
 * project signed again with another date and amount, a capital verified again with another amount, construction
 * started again on another day), then redelivered events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountersMatchFactsTest extends ViewsIntegrationTest {

    private static final LocalDate START = LocalDate.of(2013, 1, 1);

    @Autowired
    IndicatorCounter counter;
    @Autowired
    RankingService rankings;
    @Autowired
    ConversionService conversion;
    @Autowired
    RankingProperties rules;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeaderViewsProjection projection;

    private final Random random = new Random(8_110_2026L);
    private final String prefix = "cm" + UUID.randomUUID().toString().substring(0, 6);
    private final List<String> units = new ArrayList<>();
    private final List<Object> redelivered = new ArrayList<>();
    private String peerGroup;

    @BeforeAll
    void randomProvince() {
        peerGroup = prefix + "-districts";
        String city = prefix + "-city";
        units.add(city);
        List<String> districts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            districts.add(prefix + "-d" + i);
        }
        units.addAll(districts);
        List<String> towns = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            towns.add(prefix + "-t" + i);
        }
        units.addAll(towns);
        // towns first (their district is not known yet), some units only after their facts
        List<Runnable> registrations = new ArrayList<>();
        for (int i = 0; i < towns.size(); i++) {
            String town = towns.get(i);
            String district = districts.get(i % districts.size());
            registrations.add(() -> unit(town, district, UnitKind.TOWN, prefix + "-towns"));
        }
        for (String district : districts) {
            registrations.add(() -> unit(district, city, UnitKind.DISTRICT, peerGroup));
        }
        java.util.Collections.shuffle(registrations, random);
        int early = registrations.size() / 2;
        registrations.subList(0, early).forEach(Runnable::run);

        for (int i = 0; i < 90; i++) {
            randomProject();
        }
        for (int i = 0; i < 150; i++) {
            ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.values().length)];
            activity(units.get(random.nextInt(units.size())), kind, day());
        }
        registrations.subList(early, registrations.size()).forEach(Runnable::run);
        unit(city, null, UnitKind.CITY, prefix + "-cities");
        // a town moves to another district
        UnitRegisteredEvent moved = new UnitRegisteredEvent(new UnitId(towns.get(0)), "单位 moved", UnitKind.TOWN,
                new UnitId(districts.get(1)), prefix + "-towns");
        append("Unit", towns.get(0), moved);
        redelivered.add(moved);
        awaitViewsCaughtUp();
    }

    private void randomProject() {
        String unit = units.get(1 + random.nextInt(units.size() - 1));
        String industry = random.nextBoolean() ? "C3011" : "F5100";
        Money intended = random.nextInt(3) == 0 ? null : Money.cny(BigDecimal.valueOf(random.nextInt(900_000_00), 2).toPlainString());
        LocalDate leadOn = day();
        String project = lead(unit, industry, intended, leadOn);
        if (random.nextInt(4) == 0) {
            return;
        }
        // dates around the lead, some before it (backdated entries)
        LocalDate signedOn = leadOn.plusDays(random.nextInt(200) - 30);
        Money contract = random.nextInt(8) == 0 ? Money.usd(amount()) : Money.cny(amount());
        sign(project, contract, signedOn);
        if (random.nextInt(6) == 0) {
            // signed again: another date and amount replace the first
            ProjectSignedEvent again = new ProjectSignedEvent(project, Money.cny(amount()), "再次签约",
                    new ResponsibleLeader("包抓领导", "副区长", null), signedOn.plusDays(random.nextInt(60) - 30));
            append("Project", project, again);
            redelivered.add(again);
        }
        if (random.nextBoolean()) {
            register(project, signedOn.plusDays(random.nextInt(90)));
        }
        if (random.nextBoolean()) {
            land(project, signedOn.plusDays(random.nextInt(200)));
        }
        if (random.nextInt(3) > 0) {
            LocalDate startedOn = signedOn.plusDays(random.nextInt(400));
            startConstruction(project, startedOn);
            if (random.nextInt(5) == 0) {
                ConstructionStartedEvent again = new ConstructionStartedEvent(project, startedOn.plusDays(random.nextInt(40) - 20));
                append("Project", project, again);
                redelivered.add(again);
            }
            if (random.nextBoolean()) {
                startProduction(project, startedOn.plusDays(random.nextInt(300)));
            }
        } else if (random.nextInt(3) == 0) {
            terminate(project, signedOn.plusDays(random.nextInt(300)));
        }
        for (int a = random.nextInt(4); a > 0; a--) {
            Money arrived = random.nextInt(6) == 0 ? Money.usd(amount()) : Money.cny(amount());
            String arrival = arrival(project, arrived, signedOn.plusDays(random.nextInt(500)));
            if (random.nextInt(5) > 0) {
                verify(project, arrival, arrived, arrived, signedOn.plusDays(random.nextInt(500)));
                if (random.nextInt(4) == 0) {
                    CapitalVerifiedEvent corrected = new CapitalVerifiedEvent(project, arrival, arrived,
                            new Money(arrived.amount().divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN), arrived.currency()),
                            new Evidence(EvidenceKind.BANK_RECEIPT, "更正 " + arrival), day());
                    append("Project", project, corrected);
                    redelivered.add(corrected);
                }
            }
        }
    }

    private LocalDate day() {
        return START.plusDays(random.nextInt(3 * 366));
    }

    private String amount() {
        return BigDecimal.valueOf(1 + random.nextInt(1_000_000_000), 2).toPlainString();
    }

    private Window randomWindow() {
        return switch (random.nextInt(4)) {
            case 0 -> new Window(LocalDate.of(2013 + random.nextInt(3), 1, 1), LocalDate.of(2013 + random.nextInt(3), 12, 31));
            case 1 -> {
                LocalDate from = START.plusDays(random.nextInt(900));
                yield new Window(from, from);
            }
            default -> {
                LocalDate from = START.plusDays(random.nextInt(900));
                yield new Window(from, from.plusDays(random.nextInt(700)));
            }
        };
    }

    private List<Measure> measures() {
        List<Measure> measures = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            measures.add(Measure.of(indicator));
        }
        measures.add(new Measure(Indicator.SIGNED_AMOUNT, null, null, Currency.USD));
        measures.add(new Measure(Indicator.PROJECTS_SIGNED, true, null, null));
        measures.add(new Measure(Indicator.SIGNED_AMOUNT, false, null, Currency.CNY));
        measures.add(new Measure(Indicator.LEADS_COLLECTED, null, Money.cny("3000000.00"), null));
        return measures;
    }

    private void assertEveryAnswerMatchesTheFacts() {
        List<String> roots = new ArrayList<>(units);
        roots.add(prefix + "-nobody");
        List<Measure> measures = measures();
        for (int round = 0; round < 8; round++) {
            List<Window> windows = List.of(randomWindow(), randomWindow());
            List<Map<String, Map<Measure, BigDecimal>>> counted = counter.actuals(roots, measures, windows);
            for (int w = 0; w < windows.size(); w++) {
                assertThat(counted.get(w)).as("window %s", windows.get(w))
                        .isEqualTo(counter.actualsFromFacts(roots, measures, windows.get(w).from(), windows.get(w).to(), null));
            }
            List<LocalDate> asOfs = List.of(windows.get(0).to(), windows.get(1).to());
            List<Map<String, Long>> overdue = counter.overdueToStart(roots, asOfs, rules.constructionDeadlineDays());
            for (int i = 0; i < asOfs.size(); i++) {
                for (String root : roots) {
                    assertThat(overdue.get(i).get(root)).as("overdue %s at %s", root, asOfs.get(i))
                            .isEqualTo(counter.overdueToStart(root, asOfs.get(i), rules.constructionDeadlineDays(), null));
                }
            }
            Window window = windows.get(0);
            ConversionOracle oracle = new ConversionOracle(jdbc, rules);
            for (String root : List.of(units.get(0), units.get(1 + random.nextInt(units.size() - 1)))) {
                for (String industry : java.util.Arrays.asList(null, "C", "F51")) {
                    assertThat(conversion.conversion(root, window.from(), window.to(), industry))
                            .as("conversion of %s %s %s", root, window, industry)
                            .isEqualTo(oracle.conversion(root, window.from(), window.to(), industry));
                }
            }
            // a finished period: the ranking from the counters equals the ranking as known at the end of time
            LocalDate from = LocalDate.of(2013 + random.nextInt(3), 1 + random.nextInt(12), 1);
            LocalDate to = from.plusDays(random.nextInt(500));
            assertThat(rankings.forPeriod(peerGroup, from, to))
                    .isEqualTo(rankings.forPeriod(peerGroup, from, to, Instant.parse("9999-01-01T00:00:00Z")));
        }
        assertThat(counter.countedActuals(List.of(units.get(0)), measures.subList(0, 3),
                List.of(new Window(START, START.plusYears(4)))).get(0).get(units.get(0)).values())
                .as("the random facts count").allSatisfy(v -> assertThat(v.signum()).isPositive());
    }

    private void assertClosureIsTheWalkOfTheTree() {
        Set<String> parents = new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT parent_id FROM views_unit WHERE parent_id LIKE ?")
                .param(prefix + "%").query(String.class).list());
        parents.addAll(units);
        for (String root : parents) {
            List<String> walked = jdbc.sql(IndicatorCounter.SUBTREE + "SELECT unit_id FROM subtree WHERE unit_id <> :root ORDER BY 1")
                    .param("root", root).query(String.class).list();
            List<String> closed = jdbc.sql("SELECT descendant FROM views_unit_closure WHERE ancestor = ? ORDER BY 1")
                    .param(root).query(String.class).list();
            assertThat(closed).as("subtree of %s", root).isEqualTo(walked);
        }
    }

    @Test
    void countersAnswerAsTheFactsDo() {
        assertClosureIsTheWalkOfTheTree();
        assertEveryAnswerMatchesTheFacts();
    }

    @Test
    void redeliveredEventsChangeNoCounter() throws Exception {
        List<Map<String, Object>> before = counters();
        // the corrections and the move once more, as stored (same timestamps), as a redelivery after a crash would
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        long handled = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                EventMessage<?> event = stream.nextAvailable();
                if (redelivered.contains(event.getPayload())) {
                    adapter.handle(event);
                    handled++;
                }
            }
        }
        assertThat(handled).isEqualTo(redelivered.size()).isGreaterThan(5);
        assertThat(counters()).isEqualTo(before);
        assertClosureIsTheWalkOfTheTree();
    }

    private List<Map<String, Object>> counters() {
        return jdbc.sql("""
                        SELECT unit_id, counter, grain, period_start, currency, industrial, quantity, amount FROM views_count
                        WHERE unit_id LIKE ? ORDER BY unit_id, grain, period_start, counter, currency, industrial""")
                .param(prefix + "%").query().listOfRows();
    }
}
