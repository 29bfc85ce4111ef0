package com.zhaoshang.ledger.query.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.BulletinRow;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import com.zhaoshang.ledger.api.value.UnitKind;
import com.zhaoshang.ledger.query.views.ViewsIntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bulletin holds its rows in its event: the ranking source answers with the rows as known at an instant, the view
 * stores what the event holds (later facts never change it, a rebuild gives it again), the XLSX shows the JSON's
 * numbers, and the verification recomputes the event's rows from the facts.
 */
@AutoConfigureMockMvc
@WithMockUser(roles = "LEADER")
class BulletinViewTest extends ViewsIntegrationTest {

    private static final LocalDate JULY_1 = LocalDate.of(2019, 7, 1);
    private static final LocalDate JULY_31 = LocalDate.of(2019, 7, 31);

    @Autowired
    Bulletins bulletins;
    @Autowired
    RankingService rankings;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    BulletinRankingSource source;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.axonframework.serialization.Serializer serializer;

    @Test
    void aBulletinIsFrozenAtPublicationAndServedAsJsonAndXlsx() throws Exception {
        unit("bl-a", null, UnitKind.TOWN, "bl-towns");
        unit("bl-b", null, UnitKind.TOWN, "bl-towns");
        for (int i = 0; i < 3; i++) {
            lead("bl-a", "F51", null, JULY_1.plusDays(i));
        }
        lead("bl-b", "F51", null, JULY_1.plusDays(3));
        java.time.Instant knownAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        BulletinRanking ranking = source.handle(new FetchRankingQuery("bl-towns", null, JULY_1, JULY_31, knownAt));
        assertThat(ranking.knownAt()).isEqualTo(knownAt);
        assertThat(ranking.rule().weights()).containsKey(com.zhaoshang.ledger.api.campaign.Indicator.LEADS_COLLECTED);
        assertThat(ranking.rows()).extracting(BulletinRow::unitId).containsExactly("bl-a", "bl-b");
        String id = bulletin(BulletinKind.MONTHLY, "bl-towns", null, JULY_1, JULY_31, ranking);
        awaitViewsCaughtUp();
        Bulletins.Bulletin published = bulletins.find(id).orElseThrow();
        assertThat(published.ranking().rows()).extracting(RankingService.RankingRow::unitId).containsExactly("bl-a", "bl-b");
        assertThat(published.knownAt()).isEqualTo(knownAt);
        assertThat(published.rowsRecorded()).isTrue();
        assertThat(published.rule()).isEqualTo(ranking.rule());
        assertThat(published.ranking().rows().get(0).indicators().get(0).actual()).isEqualByComparingTo("3");

        // late entries: facts of July recorded after the bulletin change the live ranking, never the bulletin
        for (int i = 0; i < 5; i++) {
            lead("bl-b", "F51", null, JULY_1.plusDays(10 + i));
        }
        awaitViewsCaughtUp();
        assertThat(rankings.forPeriod("bl-towns", JULY_1, JULY_31).rows())
                .extracting(RankingService.RankingRow::unitId).containsExactly("bl-b", "bl-a");
        assertThat(bulletins.find(id).orElseThrow()).isEqualTo(published);

        // recomputed from the facts recorded before publication, a rebuilt bulletin is the same
        rebuildViews(() -> assertThat(bulletins.find(id)).isEmpty());
        assertThat(bulletins.find(id).orElseThrow()).isEqualTo(published);

        // JSON and XLSX over HTTP show the same numbers
        String body = mvc.perform(get("/api/bulletins/" + id).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode rows = json.readTree(body).path("ranking").path("rows");
        assertThat(rows.size()).isEqualTo(2);
        byte[] sheet = mvc.perform(get("/api/bulletins/" + id).accept(BulletinSheet.MEDIA_TYPE))
                .andExpect(status().isOk())
                .andExpect(content().contentType(BulletinSheet.MEDIA_TYPE))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(sheet))) {
            List<Row> cells = workbook.getFirstSheet().read();
            Row header = cells.get(0);
            assertThat(header.getCellText(0)).isEqualTo("单位");
            assertThat(header.getCellText(2)).isEqualTo("排名");
            assertThat(header.getCellText(3)).isEqualTo("上期排名");
            assertThat(header.getCellText(4)).isEqualTo("得分");
            assertThat(header.getCellText(6)).isEqualTo("招商信息 完成数");
            assertThat(header.getCellText(7)).isEqualTo("招商信息 目标数");
            assertThat(header.getCellText(8)).isEqualTo("招商信息 完成率");
            assertThat(cells).hasSize(3);
            for (int r = 0; r < 2; r++) {
                JsonNode row = rows.get(r);
                Row line = cells.get(r + 1);
                assertThat(line.getCellText(0)).isEqualTo(row.path("unitId").asText());
                assertThat(line.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo(row.path("rank").decimalValue());
                assertThat(line.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(row.path("score").decimalValue());
                JsonNode leads = row.path("indicators").get(0);
                assertThat(leads.path("indicator").asText()).isEqualTo("LEADS_COLLECTED");
                assertThat(line.getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(leads.path("actual").decimalValue());
                assertThat(line.getCellAsNumber(8).orElseThrow()).isEqualByComparingTo(leads.path("completion").decimalValue());
            }
            assertThat(cells.get(1).getCellAsNumber(6).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(3));
        }
        mvc.perform(get("/api/bulletins"))
                .andExpect(status().isOk());

        // an inspector recomputes it from the facts recorded before its rows were known: it matches, late entries and all
        mvc.perform(get("/api/audit/bulletins/" + id + "/verification")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("inspector").roles("INSPECTOR")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.matches").value(true));
        // a bulletin whose event holds rows the facts do not give does not match: its rows are compared, not the view's
        List<BulletinRow> forgedRows = List.of(ranking.rows().get(0),
                withUnit(ranking.rows().get(1), "bl-x"));
        String forged = bulletin(BulletinKind.MONTHLY, "bl-towns", null, JULY_1, JULY_31, new BulletinRanking(knownAt,
                ranking.previousFrom(), ranking.previousTo(), ranking.expectedProgress(), ranking.rule(), forgedRows));
        Bulletins.Verification altered = bulletins.verify(forged).orElseThrow();
        assertThat(altered.matches()).isFalse();
        assertThat(altered.differences()).extracting(Bulletins.Difference::unitId).containsExactlyInAnyOrder("bl-x", "bl-b");
        assertThat(bulletins.verify("no-such-bulletin")).isEmpty();
        mvc.perform(get("/api/bulletins/nope").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound());
    }

    @Test
    void theRankingSourceAnswersOverHttpOnceTheViewsHaveCaughtUp() throws Exception {
        unit("bs-a", null, UnitKind.TOWN, "bs-towns");
        lead("bs-a", "F51", null, JULY_1);
        String body = mvc.perform(get("/api/rankings/bulletin-ranking")
                        .param("peerGroup", "bs-towns").param("from", "2019-07-01").param("to", "2019-07-31")
                        .param("asOf", clock.instant().toString()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        BulletinRanking answer = json.readValue(body, BulletinRanking.class);
        assertThat(answer.rows()).extracting(BulletinRow::unitId).containsExactly("bs-a");
        assertThat(answer.rows().get(0).indicators().get(0).actual()).isEqualByComparingTo("1");
        mvc.perform(get("/api/rankings/bulletin-ranking").param("from", "2019-07-01")
                        .param("asOf", clock.instant().toString()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theRankingWaitsForTheViewsAndGivesUpPastItsTimeout() {
        unit("bw-a", null, UnitKind.TOWN, "bw-towns");
        awaitViewsCaughtUp();
        ViewsCatchUp impatient = new ViewsCatchUp(jdbc, serializer, java.time.Duration.ofMillis(300));
        org.axonframework.eventhandling.StreamingEventProcessor leaderViews = processing
                .eventProcessor(com.zhaoshang.ledger.query.views.LeaderViewsProjection.GROUP,
                        org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();
        leaderViews.shutDown();
        try {
            lead("bw-a", "F51", null, JULY_1);
            org.assertj.core.api.Assertions.assertThatThrownBy(impatient::await)
                    .isInstanceOf(ViewsCatchUp.ViewsBehindException.class)
                    .hasMessageContaining(com.zhaoshang.ledger.query.views.LeaderViewsProjection.GROUP);
        } finally {
            leaderViews.start();
        }
        // once the views have caught up, the same wait returns and the ranking counts the fact
        new ViewsCatchUp(jdbc, serializer, java.time.Duration.ofSeconds(60)).await();
        BulletinRanking ranking = source.handle(new FetchRankingQuery("bw-towns", null, JULY_1, JULY_31, clock.instant()));
        assertThat(ranking.rows().get(0).indicators().get(0).actual()).isEqualByComparingTo("1");
    }

    private static BulletinRow withUnit(BulletinRow row, String unitId) {
        return new BulletinRow(row.rank(), row.previousRank(), row.movement(), unitId, row.unitName(), row.score(),
                row.colour(), row.overdueProjects(), row.indicators());
    }
}
