package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinPublishedEvent;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.zhaoshang.ledger.api.campaign.BulletinKind.*;

class BulletinTest {

    private static final String ID = "weekly-towns-2022-07-04";
    private static final LocalDate MONDAY = LocalDate.of(2022, 7, 4);

    private FixtureConfiguration<Bulletin> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bulletin.class);
    }

    private static PublishBulletinCommand publish(BulletinKind kind, String peerGroup, String campaignId, LocalDate from, LocalDate to) {
        return new PublishBulletinCommand(ID, kind, "招商引资快报", peerGroup, campaignId, from, to);
    }

    private void expectRefusal(PublishBulletinCommand command, String messagePart) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(ErrorCode.RULE_VIOLATED)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(messagePart))
                .expectNoEvents();
    }

    @Test
    void aWeeklyBulletinIsPublished() {
        fixture.givenNoPriorActivity()
                .when(publish(WEEKLY, " towns ", "", MONDAY, MONDAY.plusDays(6)))
                .expectEvents(new BulletinPublishedEvent(ID, WEEKLY, "招商引资快报", "towns", null, MONDAY, MONDAY.plusDays(6)));
    }

    @Test
    void monthlyQuarterlyAndCampaignBulletinsArePublished() {
        fixture.givenNoPriorActivity()
                .when(publish(MONTHLY, "towns", null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(publish(QUARTERLY, "towns", null, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(publish(CAMPAIGN_FINAL, null, "c-1", LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30)))
                .expectEvents(new BulletinPublishedEvent(ID, CAMPAIGN_FINAL, "招商引资快报", null, "c-1",
                        LocalDate.of(2022, 7, 1), LocalDate.of(2022, 9, 30)));
    }

    @Test
    void bulletinNeedsKindAndTitle() {
        expectRefusal(publish(null, "towns", null, MONDAY, MONDAY), "kind");
        expectRefusal(new PublishBulletinCommand(ID, ON_DEMAND, " ", "towns", null, MONDAY, MONDAY), "title");
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
    }

    @Test
    void scheduledKindsCoverTheirCalendarPeriods() {
        expectRefusal(publish(WEEKLY, "towns", null, MONDAY.plusDays(1), MONDAY.plusDays(7)), "cannot cover");
        expectRefusal(publish(MONTHLY, "towns", null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 28)), "cannot cover");
        expectRefusal(publish(QUARTERLY, "towns", null, LocalDate.of(2024, 8, 1), LocalDate.of(2024, 10, 31)), "cannot cover");
    }
}
