package com.zhaoshang.ledger.query.ranking;

import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Currency;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.campaign.CampaignViews;
import com.zhaoshang.ledger.query.ranking.RankingService.Colour;
import com.zhaoshang.ledger.query.ranking.RankingService.Ranking;
import com.zhaoshang.ledger.query.ranking.RankingService.RankingRow;
import com.zhaoshang.ledger.query.views.ViewsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Rankings follow the documented formula (default weights sum to 1.6; see RankingService). */
class RankingServiceTest extends ViewsIntegrationTest {

    @Autowired
    RankingService rankings;
    @Autowired
    CampaignViews campaigns;

    @Test
    void periodRankingScoresAgainstThePeerGroupsBestWithDeductionsAndPreviousRanks() {
        unit("rk-district", null, UnitKind.DISTRICT, "rk-districts");
        unit("rk-a", "rk-district", UnitKind.TOWN, "rk-towns");
        unit("rk-b", "rk-district", UnitKind.TOWN, "rk-towns");
        unit("rk-c", "rk-district", UnitKind.TOWN, "rk-towns");
        unit("rk-a-team", "rk-a", UnitKind.TEAM, "rk-teams");
        LocalDate from = LocalDate.of(2013, 1, 1);
        LocalDate to = LocalDate.of(2013, 3, 31);
        // A: 2 leads + 1 of its team, 4 visits, one project signed for 1亿 and started, all in the period
        lead("rk-a", "F51", null, LocalDate.of(2013, 1, 10));
        lead("rk-a", "F51", null, LocalDate.of(2013, 1, 11));
        lead("rk-a-team", "F51", null, LocalDate.of(2013, 1, 12));
        for (int i = 0; i < 4; i++) {
            activity("rk-a", ActivityKind.COMPANY_VISIT, LocalDate.of(2013, 2, 1 + i));
        }
        String pa = lead("rk-a", "C3011", null, LocalDate.of(2012, 6, 1));
        sign(pa, Money.cny("100000000"), LocalDate.of(2013, 2, 1));
        startConstruction(pa, LocalDate.of(2013, 3, 1));
        lead("rk-a", "F51", null, LocalDate.of(2012, 11, 20));
        // B: 4 leads
        for (int i = 0; i < 4; i++) {
            lead("rk-b", "F51", null, LocalDate.of(2013, 3, 1 + i));
        }
        // C: signed 2012-08-01, never started: overdue by 2013-03-31 (180 days); 3 leads in the previous period
        String pc = lead("rk-c", "C3011", null, LocalDate.of(2012, 6, 1));
        sign(pc, Money.cny("50000000"), LocalDate.of(2012, 8, 1));
        for (int i = 0; i < 3; i++) {
            lead("rk-c", "F51", null, LocalDate.of(2012, 11, 15));
        }
        awaitViewsCaughtUp();

        Ranking ranking = rankings.forPeriod("rk-towns", from, to);

        assertThat(ranking.previousFrom()).isEqualTo(LocalDate.of(2012, 10, 3));
        assertThat(ranking.previousTo()).isEqualTo(LocalDate.of(2012, 12, 31));
        assertThat(ranking.rows()).extracting(RankingRow::unitId, RankingRow::rank, RankingRow::previousRank,
                        RankingRow::movement, r -> r.score().toPlainString(), RankingRow::colour, RankingRow::overdueProjects)
                .containsExactly(
                        // (0.75×0.1 + 1×0.1 + 1×0.25 + 1×0.25 + 1×0.2) / 1.6 = 0.546875
                        tuple("rk-a", 1, 2, 1, "0.5469", Colour.YELLOW, 0L),
                        // 1×0.1 / 1.6
                        tuple("rk-b", 2, 3, 1, "0.0625", Colour.RED, 0L),
                        tuple("rk-c", 3, 1, -2, "-0.1000", Colour.RED, 1L));
        RankingRow a = ranking.rows().get(0);
        assertThat(a.indicators()).filteredOn(v -> v.indicator() == Indicator.LEADS_COLLECTED).singleElement()
                .satisfies(v -> {
                    assertThat(v.actual()).isEqualByComparingTo("3");
                    assertThat(v.completion()).isEqualByComparingTo("0.750");
                });
    }

    @Test
    void campaignRankingCapsCompletionAndBreaksTiesByVerifiedCapitalThenUnitId() {
        for (String u : List.of("rkc-a", "rkc-b", "rkc-e", "rkc-f", "rkc-g", "rkc-h")) {
            unit(u, null, UnitKind.TOWN, "rkc-towns");
        }
        unit("rkc-other", null, UnitKind.TOWN, "rkc-other-towns");
        LocalDate from = LocalDate.of(2014, 4, 1);
        LocalDate to = LocalDate.of(2014, 6, 30);
        leads("rkc-a", 10, LocalDate.of(2014, 4, 2));
        String pa = lead("rkc-a", "C3011", null, LocalDate.of(2014, 1, 1));
        sign(pa, Money.cny("300000000"), LocalDate.of(2014, 2, 1));
        String arrivalA = arrival(pa, Money.cny("120000000"), LocalDate.of(2014, 5, 1));
        verify(pa, arrivalA, Money.cny("120000000"), Money.cny("100000000"), LocalDate.of(2014, 5, 20));
        leads("rkc-b", 15, LocalDate.of(2014, 5, 2));
        String unverified = arrival(pa, Money.cny("100000000"), LocalDate.of(2014, 5, 3));
        assertThat(unverified).isNotBlank();
        leads("rkc-e", 5, LocalDate.of(2014, 6, 2));
        leads("rkc-f", 5, LocalDate.of(2014, 6, 3));
        String pf = lead("rkc-f", "C3011", null, LocalDate.of(2013, 5, 1));
        sign(pf, Money.cny("5000000"), LocalDate.of(2014, 1, 15));
        String arrivalF = arrival(pf, Money.cny("1000000"), LocalDate.of(2014, 6, 1));
        verify(pf, arrivalF, Money.cny("1000000"), Money.cny("1000000"), LocalDate.of(2014, 6, 2));
        leads("rkc-other", 50, LocalDate.of(2014, 6, 3));
        String campaignId = campaign("二季度攻坚", from, to, List.of(
                target("rkc-a", Indicator.LEADS_COLLECTED, "10", null),
                target("rkc-a", Indicator.CAPITAL_VERIFIED_CNY, "100000000", Currency.CNY),
                target("rkc-b", Indicator.LEADS_COLLECTED, "10", null),
                target("rkc-b", Indicator.CAPITAL_VERIFIED_CNY, "100000000", Currency.CNY),
                target("rkc-e", Indicator.LEADS_COLLECTED, "10", null),
                target("rkc-f", Indicator.LEADS_COLLECTED, "10", null),
                target("rkc-g", Indicator.LEADS_COLLECTED, "10", null),
                target("rkc-h", Indicator.LEADS_COLLECTED, "10", null),
                target("rkc-other", Indicator.LEADS_COLLECTED, "10", null)));
        awaitViewsCaughtUp();

        Ranking ranking = rankings.forCampaign(campaigns.find(campaignId).orElseThrow(), "rkc-towns");

        assertThat(ranking.rows()).extracting(RankingRow::unitId, RankingRow::rank, RankingRow::previousRank,
                        RankingRow::movement, r -> r.score().toPlainString(), RankingRow::colour)
                .containsExactly(
                        tuple("rkc-a", 1, 1, 0, "1.0000", Colour.GREEN),
                        tuple("rkc-f", 2, 4, 2, "0.5000", Colour.YELLOW),
                        tuple("rkc-e", 3, 3, 0, "0.5000", Colour.YELLOW),
                        // min(1.5, 1.2) × 0.1 / (0.1 + 0.25)
                        tuple("rkc-b", 4, 2, -2, "0.3429", Colour.RED),
                        tuple("rkc-g", 5, 5, 0, "0.0000", Colour.RED),
                        tuple("rkc-h", 6, 6, 0, "0.0000", Colour.RED));
        assertThat(ranking.rows().get(3).indicators()).filteredOn(v -> v.indicator() == Indicator.LEADS_COLLECTED)
                .singleElement().satisfies(v -> assertThat(v.completion()).isEqualByComparingTo("1.200"));
        assertThat(rankings.forCampaign(campaigns.find(campaignId).orElseThrow(), null).rows()).hasSize(7);
    }

    private void leads(String unit, int count, LocalDate on) {
        for (int i = 0; i < count; i++) {
            lead(unit, "F51", null, on);
        }
    }

    private static CampaignTarget target(String unit, Indicator indicator, String value, Currency currency) {
        return new CampaignTarget(new UnitId(unit), indicator, null, new BigDecimal(value), currency);
    }
}
