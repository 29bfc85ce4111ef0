package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

import static com.zhaoshang.ledger.api.ErrorCode.RULE_VIOLATED;
import static com.zhaoshang.ledger.command.common.Refusal.of;

/** What a bulletin must satisfy before it is published, one named method per rule; each refuses with RULE_VIOLATED. */
final class BulletinRules {

    private BulletinRules() {
    }

    /** A bulletin has a kind and a title (not blank, at most 200 characters). */
    static void kindAndTitleAreGiven(PublishBulletinCommand command) {
        if (command.kind() == null) {
            throw of(RULE_VIOLATED, "a bulletin needs a kind");
        }
        if (command.title() == null || command.title().isBlank()) {
            throw of(RULE_VIOLATED, "a bulletin needs a title");
        }
        if (command.title().strip().length() > CampaignRules.MAX_NAME_LENGTH) {
            throw of(RULE_VIOLATED, "a bulletin's title has at most " + CampaignRules.MAX_NAME_LENGTH + " characters");
        }
    }

    /** The period has both ends, in order. */
    static void periodIsOrdered(PublishBulletinCommand command) {
        if (command.from() == null || command.to() == null) {
            throw of(RULE_VIOLATED, "a bulletin needs its period: from and to");
        }
        if (command.to().isBefore(command.from())) {
            throw of(RULE_VIOLATED, "the period ends (" + command.to() + ") before it starts (" + command.from() + ")");
        }
    }

    /** A bulletin ranks a peer group, or a campaign's units; a campaign's final bulletin names its campaign. */
    static void ranksSomething(PublishBulletinCommand command) {
        boolean peers = command.peerGroup() != null && !command.peerGroup().isBlank();
        boolean campaign = command.campaignId() != null && !command.campaignId().isBlank();
        if (command.kind() == BulletinKind.CAMPAIGN_FINAL && !campaign) {
            throw of(RULE_VIOLATED, "a campaign's final bulletin names its campaignId");
        }
        if (!peers && !campaign) {
            throw of(RULE_VIOLATED, "a bulletin ranks a peerGroup or a campaign's units");
        }
    }

    /** 一周一快报 covers Monday to Sunday, 一月一调度 a calendar month, 一季一评比 a calendar quarter. */
    static void periodFitsTheKind(PublishBulletinCommand command) {
        LocalDate from = command.from();
        LocalDate to = command.to();
        boolean fits = switch (command.kind()) {
            case WEEKLY -> from.getDayOfWeek() == DayOfWeek.MONDAY && to.equals(from.plusDays(6));
            case MONTHLY -> from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTERLY -> from.equals(from.with(IsoFields.DAY_OF_QUARTER, 1))
                    && to.equals(from.plusMonths(3).minusDays(1));
            case CAMPAIGN_FINAL, ON_DEMAND -> true;
        };
        if (!fits) {
            throw of(RULE_VIOLATED, "a " + command.kind() + " bulletin cannot cover " + from + " to " + to);
        }
    }

    static void check(PublishBulletinCommand command) {
        kindAndTitleAreGiven(command);
        periodIsOrdered(command);
        ranksSomething(command);
        periodFitsTheKind(command);
    }
}
