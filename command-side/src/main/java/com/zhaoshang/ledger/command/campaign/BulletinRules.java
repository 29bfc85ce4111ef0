package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.BulletinRanking;
import com.zhaoshang.ledger.api.campaign.BulletinRow;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import com.zhaoshang.ledger.api.campaign.RecordBulletinCommand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

import static com.zhaoshang.ledger.api.ErrorCode.RULE_VIOLATED;
import static com.zhaoshang.ledger.command.common.Refusal.of;

/** What a bulletin must satisfy before it is published, one named method per rule; each refuses with RULE_VIOLATED. */
final class BulletinRules {

    private static final Set<String> COLOURS = Set.of("GREEN", "YELLOW", "RED");

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

    /**
     * A bulletin ranks a peer group, or a campaign's units; a campaign's final bulletin names its campaign; an annual
     * bulletin ranks a peer group over its year (the year-close consequences apply within a peer group).
     */
    static void ranksSomething(PublishBulletinCommand command) {
        boolean peers = command.peerGroup() != null && !command.peerGroup().isBlank();
        boolean campaign = command.campaignId() != null && !command.campaignId().isBlank();
        if (command.kind() == BulletinKind.CAMPAIGN_FINAL && !campaign) {
            throw of(RULE_VIOLATED, "a campaign's final bulletin names its campaignId");
        }
        if (command.kind() == BulletinKind.ANNUAL && (!peers || campaign)) {
            throw of(RULE_VIOLATED, "an annual bulletin ranks a peerGroup over its year, not a campaign");
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
            case ANNUAL -> from.getDayOfYear() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfYear()));
            case CAMPAIGN_FINAL, ON_DEMAND -> true;
        };
        if (!fits) {
            throw of(RULE_VIOLATED, "a " + command.kind() + " bulletin cannot cover " + from + " to " + to);
        }
    }

    /**
     * The rows are a ranking as known at an instant: ranks 1..n in order, each unit once, a score and a colour
     * (GREEN, YELLOW, RED) on every row.
     */
    static void rowsAreARanking(BulletinRanking ranking) {
        if (ranking == null || ranking.knownAt() == null) {
            throw of(RULE_VIOLATED, "a bulletin holds its ranking and the instant it was known at");
        }
        Set<String> units = new HashSet<>();
        for (int i = 0; i < ranking.rows().size(); i++) {
            BulletinRow row = ranking.rows().get(i);
            if (row == null || row.rank() != i + 1) {
                throw of(RULE_VIOLATED, "the rows are ranked 1.." + ranking.rows().size() + " in order");
            }
            if (row.unitId() == null || !units.add(row.unitId())) {
                throw of(RULE_VIOLATED, "every row names a unit, each unit once");
            }
            if (row.score() == null || !COLOURS.contains(row.colour())) {
                throw of(RULE_VIOLATED, "the row of " + row.unitId() + " needs a score and a colour (GREEN, YELLOW, RED)");
            }
        }
    }

    static void check(RecordBulletinCommand command) {
        check(new PublishBulletinCommand(command.bulletinId(), command.kind(), command.title(), command.peerGroup(),
                command.campaignId(), command.from(), command.to()));
        rowsAreARanking(command.ranking());
    }

    static void check(PublishBulletinCommand command) {
        kindAndTitleAreGiven(command);
        periodIsOrdered(command);
        ranksSomething(command);
        periodFitsTheKind(command);
    }
}
