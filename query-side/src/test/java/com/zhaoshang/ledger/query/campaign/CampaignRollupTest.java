package com.zhaoshang.ledger.query.campaign;

import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.views.IndicatorCounter;
import com.zhaoshang.ledger.query.views.Measure;
import com.zhaoshang.ledger.query.views.ViewsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A district's figures include its towns (and their teams); totals never count a subtree twice. */
class CampaignRollupTest extends ViewsIntegrationTest {

    @Autowired
    CampaignViews campaigns;
    @Autowired
    IndicatorCounter counter;

    @Test
    void totalsRollUpTheUnitTree() {
        LocalDate from = LocalDate.of(2015, 1, 1);
        LocalDate to = LocalDate.of(2015, 12, 31);
        // facts may arrive before the units that own them are known
        for (int i = 0; i < 3; i++) {
            lead("ru-t1", "F51", null, from.plusDays(i));
        }
        unit("ru-city", null, UnitKind.CITY, "ru-cities");
        unit("ru-d", "ru-city", UnitKind.DISTRICT, "ru-districts");
        unit("ru-t1", "ru-d", UnitKind.TOWN, "ru-towns");
        unit("ru-t2", "ru-d", UnitKind.TOWN, "ru-towns");
        unit("ru-t1-team", "ru-t1", UnitKind.TEAM, "ru-teams");
        lead("ru-t1-team", "F51", null, from.plusDays(5));
        lead("ru-t1-team", "F51", null, from.plusDays(6));
        for (int i = 0; i < 4; i++) {
            lead("ru-t2", "F51", null, from.plusDays(10 + i));
        }
        lead("ru-t2", "F51", null, to.plusDays(1));
        String campaignId = campaign("全年", from, to, List.of(
                new CampaignTarget(new UnitId("ru-t1"), Indicator.LEADS_COLLECTED, null, new BigDecimal("10"), null),
                new CampaignTarget(new UnitId("ru-t2"), Indicator.LEADS_COLLECTED, null, new BigDecimal("10"), null)));
        awaitViewsCaughtUp();

        Measure leads = Measure.of(Indicator.LEADS_COLLECTED);
        BigDecimal district = counter.actual("ru-d", leads, from, to);
        BigDecimal towns = counter.actual("ru-t1", leads, from, to).add(counter.actual("ru-t2", leads, from, to));
        assertThat(district).isEqualByComparingTo(towns).isEqualByComparingTo("9");

        CampaignViews.Progress progress = campaigns.progress(campaignId).orElseThrow();
        assertThat(progress.units()).extracting(CampaignViews.ProgressRow::unitId, r -> r.actual().toPlainString(),
                        r -> r.target().toPlainString(), r -> r.completion().toPlainString(), CampaignViews.ProgressRow::rollup)
                .containsExactly(
                        tuple("ru-t1", "5", "10", "0.500", false),
                        tuple("ru-t2", "4", "10", "0.400", false),
                        tuple("ru-d", "9", "20", "0.450", true),
                        tuple("ru-city", "9", "20", "0.450", true));
        assertThat(progress.totals()).singleElement().satisfies(t -> {
            assertThat(t.actual()).isEqualByComparingTo("9");
            assertThat(t.target()).isEqualByComparingTo("20");
            assertThat(t.completion()).isEqualByComparingTo("0.450");
        });
    }
}
