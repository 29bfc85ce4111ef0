package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.campaign.BulletinIndicatorValue;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.BulletinRankingRule;
import com.zhaoshang.ledger.api.campaign.BulletinRow;
import com.zhaoshang.ledger.api.campaign.FetchRankingQuery;
import com.zhaoshang.ledger.api.campaign.Indicator;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import com.zhaoshang.ledger.command.common.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.zhaoshang.ledger.api.campaign.BulletinKind.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing a bulletin: the publisher fetches the ranking as known at the publication instant (outside the
 * aggregate), the aggregate checks the request and the rows and records them in its event.
 */
class BulletinTest {

    private static final String ID = "weekly-towns-2022-07-04";
    private static final LocalDate MONDAY = LocalDate.of(2022, 7, 4);
    private static final Instant NOW = Instant.parse("2022-07-11T01:30:00.123456Z");
    private static final Instant KNOWN_AT = Instant.parse("2022-07-11T01:30:00.123Z");
    private static final BulletinRankingRule RULE = new BulletinRankingRule(Map.of(Indicator.LEADS_COLLECTED, BigDecimal.ONE),
            new BigDecimal("1.2"), new BigDecimal("0.1"), 180, new BigDecimal("0.8"), new BigDecimal("0.5"));

    private FixtureConfiguration<Bulletin> fixture;
    private final List<FetchRankingQuery> asked = new ArrayList<>();
    private Function<FetchRankingQuery, BulletinRanking> answer = BulletinTest::twoTowns;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bulletin.class);
        RankingSource source = query -> {
            asked.add(query);
            return answer.apply(query);
        };
        fixture.registerAnnotatedCommandHandler(new BulletinPublisher(fixture.getRepository(), fixture.getEventStore(), source, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static BulletinRow row(int rank, String unit, String score, String colour) {
        return new BulletinRow(rank, null, null, unit, "镇 " + unit, new BigDecimal(score), colour, 0,
                List.of(new BulletinIndicatorValue(Indicator.LEADS_COLLECTED, null, null, new BigDecimal("3"), null,
                        new BigDecimal("1.000"), BigDecimal.ONE)));
    }

    static BulletinRanking twoTowns(FetchRankingQuery query) {
        return new BulletinRanking(query.knownAt(), query.from().minusDays(7), query.from().minusDays(1), BigDecimal.ONE, RULE,
                List.of(row(1, "t-1", "1.0000", "GREEN"), row(2, "t-2", "0.3333", "RED")));
    }

    private static PublishBulletinCommand publish(BulletinKind kind, String peerGroup, String campaignId, LocalDate from, LocalDate to) {
        return new PublishBulletinCommand(ID, kind, "招商引资快报", peerGroup, campaignId, from, to);
    }

    private void expectRefusal(PublishBulletinCommand command, String messagePart) {
        expectRefusal(command, ErrorCode.RULE_VIOLATED, messagePart);
    }

    private void expectRefusal(PublishBulletinCommand command, ErrorCode code, String messagePart) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(code)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(messagePart))
                .expectNoEvents();
    }

    @Test
    void aWeeklyBulletinIsPublishedWithTheRowsAsKnownAtItsPublication() {
        LocalDate sunday = MONDAY.plusDays(6);
        fixture.givenNoPriorActivity()
                .when(publish(WEEKLY, " towns ", "", MONDAY, sunday))
                .expectEvents(new BulletinPublishedEvent(ID, WEEKLY, "招商引资快报", "towns", null, MONDAY, sunday, true,
                        twoTowns(new FetchRankingQuery("towns", null, MONDAY, sunday, KNOWN_AT))))
                .expectResultMessagePayload(ID);
        assertThat(asked).containsExactly(new FetchRankingQuery("towns", null, MONDAY, sunday, KNOWN_AT));
    }

    @Test
    void monthlyQuarterlyAnnualAndCampaignBulletinsArePublished() {
        fixture.givenNoPriorActivity()
                .when(publish(MONTHLY, "towns", null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(publish(QUARTERLY, "towns", null, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(publish(ANNUAL, "towns", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(publish(CAMPAIGN_FINAL, null, "c-1", LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30)))
                .expectEvents(new BulletinPublishedEvent(ID, CAMPAIGN_FINAL, "招商引资快报", null, "c-1",
                        LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30), true,
                        twoTowns(new FetchRankingQuery(null, "c-1", LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30), KNOWN_AT))));
    }

    @Test
    void aBulletinIsPublishedOnce() {
        LocalDate sunday = MONDAY.plusDays(6);
        fixture.given(new BulletinPublishedEvent(ID, WEEKLY, "招商引资快报", "towns", null, MONDAY, sunday, true,
                        twoTowns(new FetchRankingQuery("towns", null, MONDAY, sunday, KNOWN_AT))))
                .when(publish(WEEKLY, "towns", null, MONDAY, sunday))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.ALREADY_EXISTS)
                .expectNoEvents();
        assertThat(asked).isEmpty();
    }

    @Test
    void bulletinNeedsKindAndTitle() {
        expectRefusal(publish(null, "towns", null, MONDAY, MONDAY), "kind");
        expectRefusal(new PublishBulletinCommand(ID, ON_DEMAND, " ", "towns", null, MONDAY, MONDAY), "title");
        assertThat(asked).isEmpty();
    }

    @Test
    void bulletinPeriodIsOrdered() {
        expectRefusal(publish(ON_DEMAND, "towns", null, MONDAY, MONDAY.minusDays(1)), "before it starts");
        expectRefusal(publish(ON_DEMAND, "towns", null, null, MONDAY), "period");
    }

    @Test
    void bulletinRanksAPeerGroupOrACampaign() {
        expectRefusal(publish(ON_DEMAND, " ", null, MONDAY, MONDAY), "peerGroup");
        expectRefusal(publish(CAMPAIGN_FINAL, "towns", null, MONDAY, MONDAY), "campaignId");
        expectRefusal(publish(ANNUAL, null, "c-1", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), "annual");
    }

    @Test
    void scheduledKindsCoverTheirCalendarPeriods() {
        expectRefusal(publish(WEEKLY, "towns", null, MONDAY.plusDays(1), MONDAY.plusDays(7)), "cannot cover");
        expectRefusal(publish(MONTHLY, "towns", null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 28)), "cannot cover");
        expectRefusal(publish(QUARTERLY, "towns", null, LocalDate.of(2024, 8, 1), LocalDate.of(2024, 10, 31)), "cannot cover");
        expectRefusal(publish(ANNUAL, "towns", null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30)), "cannot cover");
    }

    @Test
    void theRowsAreARanking() {
        answer = q -> new BulletinRanking(q.knownAt(), null, null, BigDecimal.ONE, RULE,
                List.of(row(2, "t-1", "1", "GREEN")));
        expectRefusal(publish(ON_DEMAND, "towns", null, MONDAY, MONDAY), "ranked 1..1");
        answer = q -> new BulletinRanking(q.knownAt(), null, null, BigDecimal.ONE, RULE,
                List.of(row(1, "t-1", "1", "GREEN"), row(2, "t-1", "1", "GREEN")));
        expectRefusal(publish(ON_DEMAND, "towns", null, MONDAY, MONDAY), "each unit once");
        answer = q -> new BulletinRanking(q.knownAt(), null, null, BigDecimal.ONE, RULE,
                List.of(row(1, "t-1", "1", "PURPLE")));
        expectRefusal(publish(ON_DEMAND, "towns", null, MONDAY, MONDAY), "colour");
        answer = q -> new BulletinRanking(null, null, null, BigDecimal.ONE, RULE, List.of());
        expectRefusal(publish(ON_DEMAND, "towns", null, MONDAY, MONDAY), "known at");
    }

    @Test
    void aRankingNotAvailableRefusesThePublication() {
        answer = q -> {
            throw Refusal.of(ErrorCode.UNAVAILABLE, "the views are behind");
        };
        expectRefusal(publish(ON_DEMAND, "towns", null, MONDAY, MONDAY), ErrorCode.UNAVAILABLE, "behind");
    }
}
