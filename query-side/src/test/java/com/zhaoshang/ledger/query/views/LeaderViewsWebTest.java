package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.ActivityKind;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The leaders' routes answer JSON, and problem+json for unknown campaigns and bad parameters. */
@AutoConfigureMockMvc
@WithMockUser(roles = "LEADER")
class LeaderViewsWebTest extends ViewsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void campaignsProgressRankingsAndConversionOverHttp() throws Exception {
        unit("web-d", null, UnitKind.DISTRICT, "web-districts");
        unit("web-t1", "web-d", UnitKind.TOWN, "web-towns");
        unit("web-t2", "web-d", UnitKind.TOWN, "web-towns");
        LocalDate from = LocalDate.of(2018, 7, 1);
        LocalDate to = LocalDate.of(2018, 9, 30);
        lead("web-t1", "C3011", Money.cny("60000000"), from);
        lead("web-t1", "C3011", null, from.plusDays(1));
        String p = lead("web-t2", "C3011", null, from.minusDays(10));
        sign(p, Money.cny("80000000"), from.plusDays(5));
        activity("web-t2", ActivityKind.INVESTOR_INSPECTION, from.plusDays(6));
        String campaignId = campaign("百日会战", from, to, List.of(
                new CampaignTarget(new UnitId("web-t1"), Indicator.LEADS_COLLECTED, null, new BigDecimal("4"), null),
                new CampaignTarget(new UnitId("web-t2"), Indicator.LEADS_COLLECTED, null, new BigDecimal("4"), null)));
        awaitViewsCaughtUp();

        mvc.perform(get("/api/campaigns"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + campaignId + "')].name").value("百日会战"));
        mvc.perform(get("/api/campaigns/" + campaignId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2018-07-01"))
                .andExpect(jsonPath("$.targets.length()").value(2));
        mvc.perform(get("/api/campaigns/" + campaignId + "/progress"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].unitId").value("web-t1"))
                .andExpect(jsonPath("$.units[0].actual").value(2))
                .andExpect(jsonPath("$.units[0].completion").value(0.5))
                .andExpect(jsonPath("$.units[2].unitId").value("web-d"))
                .andExpect(jsonPath("$.units[2].actual").value(2))
                .andExpect(jsonPath("$.units[2].target").value(8))
                .andExpect(jsonPath("$.totals[0].completion").value(0.25));
        mvc.perform(get("/api/rankings").param("campaignId", campaignId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].unitId").value("web-t1"))
                .andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.rows[0].score").value(0.5))
                .andExpect(jsonPath("$.rows[0].colour").value("YELLOW"))
                .andExpect(jsonPath("$.rows[1].colour").value("RED"));
        mvc.perform(get("/api/rankings").param("peerGroup", "web-towns").param("from", "2018-07-01").param("to", "2018-09-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.previousFrom").value("2018-03-31"));
        mvc.perform(get("/api/conversion").param("unitId", "web-d").param("from", "2018-07-01").param("to", "2018-09-30"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.funnel.SIGNED").value(1))
                .andExpect(jsonPath("$.rates.startRate").value(0.0));
    }

    @Test
    void progressAndRankingsAsKnownAtAnInstant() throws Exception {
        unit("asof-t1", null, UnitKind.TOWN, "asof-towns");
        unit("asof-t2", null, UnitKind.TOWN, "asof-towns");
        LocalDate from = LocalDate.of(2018, 1, 1);
        lead("asof-t1", "F51", null, from);
        lead("asof-t1", "F51", null, from);
        String campaignId = campaign("一月", from, from.plusDays(30), List.of(
                new CampaignTarget(new UnitId("asof-t1"), Indicator.LEADS_COLLECTED, null, new BigDecimal("10"), null),
                new CampaignTarget(new UnitId("asof-t2"), Indicator.LEADS_COLLECTED, null, new BigDecimal("10"), null)));
        awaitViewsCaughtUp();
        String asOf = jdbc.sql("SELECT max(timestamp) FROM domainevententry").query(String.class).single();
        // recorded later, about the same month: a late entry
        for (int i = 0; i < 3; i++) {
            lead("asof-t2", "F51", null, from.plusDays(2));
        }
        awaitViewsCaughtUp();

        mvc.perform(get("/api/campaigns/" + campaignId + "/progress"))
                .andExpect(jsonPath("$.units[1].actual").value(3));
        mvc.perform(get("/api/campaigns/" + campaignId + "/progress").param("asOf", asOf))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].actual").value(2))
                .andExpect(jsonPath("$.units[1].actual").value(0));
        mvc.perform(get("/api/rankings").param("campaignId", campaignId))
                .andExpect(jsonPath("$.rows[0].unitId").value("asof-t2"));
        mvc.perform(get("/api/rankings").param("campaignId", campaignId).param("asOf", asOf))
                .andExpect(jsonPath("$.rows[0].unitId").value("asof-t1"));
        mvc.perform(get("/api/rankings").param("peerGroup", "asof-towns").param("from", "2018-01-01").param("to", "2018-01-31")
                        .param("asOf", asOf))
                .andExpect(jsonPath("$.rows[0].unitId").value("asof-t1"));
        mvc.perform(get("/api/rankings").param("campaignId", campaignId).param("asOf", "last tuesday"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void unknownCampaignIsAProblem() throws Exception {
        mvc.perform(get("/api/campaigns/nope/progress"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/rankings").param("campaignId", "nope"))
                .andExpect(status().isNotFound());
    }

    @Test
    void badParametersAreProblems() throws Exception {
        mvc.perform(get("/api/rankings").param("peerGroup", "web-towns"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/rankings").param("peerGroup", "x").param("from", "2018-07-01").param("to", "2018-06-01"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/conversion").param("unitId", "Not A Unit").param("from", "2018-07-01").param("to", "2018-09-30"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/conversion").param("unitId", "web-d").param("from", "2018-07-01").param("to", "2018-09-30")
                        .param("industry", "Z99"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/conversion").param("unitId", "web-d").param("from", "yesterday").param("to", "2018-09-30"))
                .andExpect(status().isBadRequest());
    }
}
