package com.zhaoshang.ledger.query.views;

import com.zhaoshang.ledger.api.campaign.CampaignTarget;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.value.Money;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.api.value.UnitKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The leaders' reads kept in memory ({@link LeaderViewsReads}): a request asked again while the views have not moved
 * is answered from memory with the same body; once a new fact is projected every read is computed again and shows it.
 */
@AutoConfigureMockMvc
@WithMockUser(roles = "LEADER")
class LeaderViewsReadsTest extends ViewsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry registry;

    @Test
    void aRepeatedReadIsAnsweredFromMemoryOnlyWhileTheViewsStandStill() throws Exception {
        unit("mem-d", null, UnitKind.DISTRICT, "mem-districts");
        unit("mem-t1", "mem-d", UnitKind.TOWN, "mem-towns");
        unit("mem-t2", "mem-d", UnitKind.TOWN, "mem-towns");
        LocalDate from = LocalDate.of(2019, 3, 1);
        LocalDate to = LocalDate.of(2019, 3, 31);
        lead("mem-t1", "C3011", null, from.plusDays(1));
        String signed = lead("mem-t2", "C3011", null, from);
        sign(signed, Money.cny("50000000"), from.plusDays(2));
        String campaignId = campaign("三月", from, to, List.of(
                new CampaignTarget(new UnitId("mem-t1"), Indicator.LEADS_COLLECTED, null, new BigDecimal("4"), null),
                new CampaignTarget(new UnitId("mem-t2"), Indicator.LEADS_COLLECTED, null, new BigDecimal("4"), null)));
        awaitViewsCaughtUp();
        List<String> urls = List.of(
                "/api/rankings?peerGroup=mem-towns&from=" + from + "&to=" + to,
                "/api/rankings?campaignId=" + campaignId,
                "/api/campaigns/" + campaignId + "/progress",
                "/api/conversion?unitId=mem-d&from=" + from + "&to=" + to);

        // the processors' tokens may still be committing the last batch: ask until one whole round comes from memory
        List<String> previous = bodies(urls);
        boolean fromMemory = false;
        for (int round = 0; round < 10 && !fromMemory; round++) {
            double memoryBefore = count("memory");
            double computedBefore = count("computed");
            List<String> again = bodies(urls);
            fromMemory = count("memory") - memoryBefore == urls.size() && count("computed") == computedBefore;
            if (fromMemory) {
                assertThat(again).isEqualTo(previous);
            }
            previous = again;
        }
        assertThat(fromMemory).as("a round of the same requests answered from memory").isTrue();

        // a new fact moves the views' tokens: every read is computed again, from the new rows
        lead("mem-t2", "C3011", null, from.plusDays(3));
        awaitViewsCaughtUp();
        double computedBefore = count("computed");
        List<String> after = bodies(urls);
        assertThat(count("computed") - computedBefore).isGreaterThanOrEqualTo(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            assertThat(after.get(i)).as(urls.get(i)).isNotEqualTo(previous.get(i));
        }
        mvc.perform(get("/api/campaigns/" + campaignId + "/progress"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[1].unitId").value("mem-t2"))
                .andExpect(jsonPath("$.units[1].actual").value(2));
        mvc.perform(get("/api/conversion").param("unitId", "mem-d").param("from", from.toString()).param("to", to.toString()))
                .andExpect(jsonPath("$.funnel.LEAD").value(3));
    }

    @Test
    void aRebuildOfTheViewsIsNeverAnsweredFromBefore() throws Exception {
        unit("memr-t1", null, UnitKind.TOWN, "memr-towns");
        LocalDate day = LocalDate.of(2019, 5, 2);
        lead("memr-t1", "F51", null, day);
        awaitViewsCaughtUp();
        String url = "/api/conversion?unitId=memr-t1&from=2019-05-01&to=2019-05-31";
        mvc.perform(get(url)).andExpect(jsonPath("$.funnel.LEAD").value(1));
        // while the views are reset (tables emptied), a lead appears: the rebuilt views count it
        rebuildViews(() -> lead("memr-t1", "F51", null, day.plusDays(1)));
        mvc.perform(get(url)).andExpect(jsonPath("$.funnel.LEAD").value(2));
    }

    private List<String> bodies(List<String> urls) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String url : urls) {
            bodies.add(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        }
        return bodies;
    }

    private double count(String answer) {
        return registry.get("ledger.query.leader.reads").tag("answer", answer).counter().count();
    }
}
