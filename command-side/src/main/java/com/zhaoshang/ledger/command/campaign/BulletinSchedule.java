package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the persistent schedule ({@link BulletinScheduleTasks}, db-scheduler recurring tasks) publishes when a task
 * runs: for each configured peer group ({@code ledger.views.bulletins.peer-groups}) the last complete periods of the
 * task's kind — 一周一快报 (weeks), 一月一调度 (months), 一季一评比 (quarters), the year's annual bulletin — and,
 * for the campaign task, the final bulletin of every campaign whose window has ended
 * ({@code campaign-final-<campaign id>}). Every bulletin has a deterministic id ({@code weekly-<peer group>-<monday>}),
 * so a run missed while the application was down runs once at start-up and a double run (two instances, a retry)
 * never publishes a bulletin twice; {@code catch-up-periods} periods back are covered. Days are counted in
 * {@code ledger.views.bulletins.zone} (Asia/Shanghai) on the injected clock.
 */
public class BulletinSchedule {

    private static final Logger log = LoggerFactory.getLogger(BulletinSchedule.class);
    private static final Map<BulletinKind, String> TITLES = Map.of(BulletinKind.WEEKLY, "一周一快报",
            BulletinKind.MONTHLY, "一月一调度", BulletinKind.QUARTERLY, "一季一评比", BulletinKind.ANNUAL, "年度考核");

    private final CommandGateway commands;
    private final EventStore events;
    private final CampaignWindows campaigns;
    private final int campaignFinalWithinDays;
    private final Clock clock;
    private final List<String> peerGroups;
    private final ZoneId zone;
    private final int catchUpPeriods;

    public BulletinSchedule(CommandGateway commands, EventStore events, CampaignWindows campaigns, Clock clock,
                            List<String> peerGroups, ZoneId zone, int catchUpPeriods, int campaignFinalWithinDays) {
        this.commands = commands;
        this.events = events;
        this.campaigns = campaigns;
        this.campaignFinalWithinDays = campaignFinalWithinDays;
        this.clock = clock;
        this.peerGroups = peerGroups.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.zone = zone;
        this.catchUpPeriods = catchUpPeriods;
    }

    /** Publishes every bulletin due today that is not published yet: all kinds (the campaign finals included). */
    public void publishDueBulletins() {
        publish(due(today()));
    }

    /** Publishes the due bulletins of one kind (CAMPAIGN_FINAL: the finals of ended campaigns). */
    public void publishDue(BulletinKind kind) {
        publish(due(kind, today()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void publish(List<PublishBulletinCommand> due) {
        for (PublishBulletinCommand command : due) {
            if (events.lastSequenceNumberFor(command.bulletinId()).isPresent()) {
                continue;
            }
            try {
                commands.sendAndWait(command);
                log.info("published bulletin {}", command.bulletinId());
            } catch (ConcurrencyException alreadyPublished) {
                log.debug("bulletin {} was published by another instance", command.bulletinId(), alreadyPublished);
            } catch (CommandExecutionException refused) {
                log.warn("bulletin {} was not published: {}", command.bulletinId(), refused.getMessage());
            }
        }
    }

    /** The bulletins due on {@code today}, every kind: weeks, months, quarters, years, then campaign finals. */
    List<PublishBulletinCommand> due(LocalDate today) {
        List<PublishBulletinCommand> due = new ArrayList<>();
        for (BulletinKind kind : List.of(BulletinKind.WEEKLY, BulletinKind.MONTHLY, BulletinKind.QUARTERLY,
                BulletinKind.ANNUAL, BulletinKind.CAMPAIGN_FINAL)) {
            due.addAll(due(kind, today));
        }
        return due;
    }

    /**
     * The bulletins of {@code kind} due on {@code today}: the last {@code catch-up-periods} complete periods, oldest
     * first, for every peer group; for CAMPAIGN_FINAL the campaigns that ended before today (within
     * {@code campaign-final-within-days}).
     */
    List<PublishBulletinCommand> due(BulletinKind kind, LocalDate today) {
        List<PublishBulletinCommand> due = new ArrayList<>();
        if (kind == BulletinKind.CAMPAIGN_FINAL) {
            for (CampaignWindows.Window campaign : campaigns.endedBetween(today.minusDays(campaignFinalWithinDays), today)) {
                due.add(new PublishBulletinCommand("campaign-final-" + campaign.campaignId(), BulletinKind.CAMPAIGN_FINAL,
                        campaign.name() + " 最终通报", null, campaign.campaignId(), campaign.from(), campaign.to()));
            }
            return due;
        }
        for (String peerGroup : peerGroups) {
            for (int back = catchUpPeriods; back >= 1; back--) {
                LocalDate from = switch (kind) {
                    case WEEKLY -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(back);
                    case MONTHLY -> today.withDayOfMonth(1).minusMonths(back);
                    case QUARTERLY -> today.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3L * back);
                    case ANNUAL -> today.withDayOfYear(1).minusYears(back);
                    default -> throw new IllegalArgumentException(kind + " bulletins are not scheduled");
                };
                LocalDate to = switch (kind) {
                    case WEEKLY -> from.plusDays(6);
                    case MONTHLY -> from.plusMonths(1).minusDays(1);
                    case QUARTERLY -> from.plusMonths(3).minusDays(1);
                    default -> from.plusYears(1).minusDays(1);
                };
                due.add(command(kind, peerGroup, from, to));
            }
        }
        return due;
    }

    private static PublishBulletinCommand command(BulletinKind kind, String peerGroup, LocalDate from, LocalDate to) {
        String id = kind.name().toLowerCase(Locale.ROOT) + "-" + peerGroup + "-" + from;
        return new PublishBulletinCommand(id, kind, TITLES.get(kind) + " " + peerGroup + " " + from + "～" + to,
                peerGroup, null, from, to);
    }
}
