package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.campaign.TargetFilter;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.campaign.CampaignProjection;
import com.zhaoshang.ledger.query.campaign.CampaignViews;
import com.zhaoshang.ledger.query.conversion.ConversionService;
import com.zhaoshang.ledger.query.ranking.RankingService;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every leaders' view is a projection: after a few hundred random facts, resetting and replaying the processing
 * groups gives the same tables and the same answers; redelivering every event changes nothing.
 */
class ViewsRebuildTest extends ViewsIntegrationTest {

    private static final LocalDate YEAR_START = LocalDate.of(2017, 1, 1);
    private static final String[] INDUSTRIES = {"C3011", "C3389", "D4411", "B0610", "F5100", "K7010", "I6510"};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CampaignViews campaigns;
    @Autowired
    RankingService rankings;
    @Autowired
    ConversionService conversion;
    @Autowired
    LeaderViewsProjection leaderViews;
    @Autowired
    CampaignProjection campaignViews;

    @Test
    void aRebuiltViewEqualsTheLiveOne() throws Exception {
        Random random = new Random(20170101L);
        List<String> towns = new ArrayList<>();
        unit("rb-city", null, UnitKind.CITY, "rb-cities");
        for (int d = 0; d < 3; d++) {
            String district = "rb-d" + d;
            unit(district, "rb-city", UnitKind.DISTRICT, "rb-districts");
            for (int t = 0; t < 3; t++) {
                String town = district + "-t" + t;
                unit(town, district, UnitKind.TOWN, "rb-towns");
                towns.add(town);
            }
        }
        int events = 13;
        for (int i = 0; i < 60; i++) {
            String town = towns.get(random.nextInt(towns.size()));
            LocalDate day = YEAR_START.plusDays(random.nextInt(200));
            String project = lead(town, INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                    random.nextBoolean() ? Money.cny(Integer.toString(1 + random.nextInt(900)) + "00000") : null, day);
            events++;
            if (random.nextInt(10) < 7) {
                boolean foreign = random.nextInt(5) == 0;
                Money contract = foreign ? Money.usd((1 + random.nextInt(50)) + "00000")
                        : Money.cny((1 + random.nextInt(2000)) + "00000");
                day = day.plusDays(1 + random.nextInt(60));
                sign(project, contract, day);
                events++;
                if (random.nextBoolean()) {
                    presentAgain(project, day.plusDays(3));
                    events++;
                }
                if (random.nextBoolean()) {
                    register(project, day.plusDays(random.nextInt(20)));
                    events++;
                }
                for (int a = random.nextInt(4); a > 0; a--) {
                    Money amount = foreign ? Money.usd((1 + random.nextInt(9)) + "00000") : Money.cny((1 + random.nextInt(90)) + "00000");
                    LocalDate arrived = day.plusDays(random.nextInt(300));
                    String arrival = arrival(project, amount, arrived);
                    events++;
                    if (random.nextInt(3) > 0) {
                        verify(project, arrival, amount, amount, arrived.plusDays(random.nextInt(30)));
                        events++;
                    }
                }
                if (random.nextInt(3) > 0) {
                    day = day.plusDays(random.nextInt(90));
                    land(project, day);
                    events++;
                    if (random.nextInt(3) > 0) {
                        day = day.plusDays(random.nextInt(200));
                        startConstruction(project, day);
                        events++;
                        if (random.nextBoolean()) {
                            startProduction(project, day.plusDays(30 + random.nextInt(300)));
                            events++;
                        }
                    }
                } else if (random.nextInt(4) == 0) {
                    terminate(project, day.plusDays(random.nextInt(200)));
                    events++;
                }
            }
        }
        ActivityKind[] kinds = ActivityKind.values();
        for (int i = 0; i < 120; i++) {
            activity(towns.get(random.nextInt(towns.size())), kinds[random.nextInt(kinds.length)],
                    YEAR_START.plusDays(random.nextInt(365)));
            events++;
        }
        List<CampaignTarget> targets = new ArrayList<>();
        for (String town : towns) {
            targets.add(new CampaignTarget(new UnitId(town), Indicator.LEADS_COLLECTED, null, BigDecimal.valueOf(5 + random.nextInt(10)), null));
            targets.add(new CampaignTarget(new UnitId(town), Indicator.PROJECTS_SIGNED,
                    new TargetFilter(true, Money.cny("5000000")), BigDecimal.valueOf(1 + random.nextInt(5)), null));
            targets.add(new CampaignTarget(new UnitId(town), Indicator.CAPITAL_VERIFIED_CNY, null, new BigDecimal("30000000"), Currency.CNY));
            targets.add(new CampaignTarget(new UnitId(town), Indicator.COMPANIES_VISITED, null, BigDecimal.TEN, null));
        }
        targets.add(new CampaignTarget(new UnitId("rb-d0"), Indicator.CAPITAL_VERIFIED_USD, null, new BigDecimal("1000000"), Currency.USD));
        String campaignId = campaign("招商突破年", YEAR_START, LocalDate.of(2017, 12, 31), targets);
        events++;
        assertThat(events).isGreaterThan(300);
        awaitViewsCaughtUp();

        Map<String, Object> live = snapshot(campaignId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM views_fact").query(Long.class).single()).isGreaterThan(200L);

        rebuildViews(() -> {
            for (String table : List.of("views_unit", "views_project", "views_capital_arrival", "views_fact",
                    "views_campaign", "views_campaign_target")) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
            }
        });
        assertThat(snapshot(campaignId)).isEqualTo(live);

        redeliverEverything();
        assertThat(snapshot(campaignId)).isEqualTo(live);
    }

    private Map<String, Object> snapshot(String campaignId) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("units", rows("SELECT * FROM views_unit ORDER BY unit_id"));
        s.put("projects", rows("SELECT * FROM views_project ORDER BY project_id"));
        s.put("arrivals", rows("SELECT * FROM views_capital_arrival ORDER BY project_id, arrival_id"));
        s.put("facts", rows("SELECT * FROM views_fact ORDER BY fact_key, indicator"));
        s.put("campaigns", rows("SELECT * FROM views_campaign ORDER BY campaign_id"));
        s.put("targets", rows("SELECT * FROM views_campaign_target ORDER BY campaign_id, position"));
        s.put("progress", campaigns.progress(campaignId).orElseThrow());
        s.put("ranking", rankings.forCampaign(campaigns.find(campaignId).orElseThrow(), "rb-towns"));
        s.put("periodRanking", rankings.forPeriod("rb-districts", LocalDate.of(2017, 4, 1), LocalDate.of(2017, 6, 30)));
        s.put("conversion", conversion.conversion("rb-city", YEAR_START, LocalDate.of(2017, 12, 31), null));
        return s;
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows();
    }

    /** Hands every stored event once more to both projections, as a redelivery after a crash would. */
    private void redeliverEverything() throws Exception {
        AnnotationEventHandlerAdapter leader = new AnnotationEventHandlerAdapter(leaderViews);
        AnnotationEventHandlerAdapter campaign = new AnnotationEventHandlerAdapter(campaignViews);
        long redelivered = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                EventMessage<?> event = stream.nextAvailable();
                for (AnnotationEventHandlerAdapter adapter : List.of(leader, campaign)) {
                    if (adapter.canHandle(event)) {
                        adapter.handle(event);
                        redelivered++;
                    }
                }
            }
        }
        assertThat(redelivered).isGreaterThan(300);
    }
}
