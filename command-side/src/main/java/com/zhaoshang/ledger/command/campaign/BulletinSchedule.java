package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes the scheduled bulletins (一周一快报、一月一调度、一季一评比) of the configured peer groups
 * ({@code ledger.views.bulletins.peer-groups}, none by default), and the final bulletin of each campaign once its
 * window has ended ({@code campaign-final-<campaign id>}). It is persistent in the way that matters: each
 * bulletin has a deterministic id ({@code weekly-<peer group>-<monday>}), so after a restart or downtime the next run
 * publishes what is due (up to {@code catch-up-periods} periods back) and never publishes a bulletin twice, however
 * many instances run. Days are counted in {@code ledger.views.bulletins.zone} (Asia/Shanghai), on the injected clock.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "ledger.views.bulletins", name = "schedule-enabled", havingValue = "true", matchIfMissing = true)
public class BulletinSchedule {

    private static final Logger log = LoggerFactory.getLogger(BulletinSchedule.class);
    private static final Map<BulletinKind, String> TITLES = Map.of(
            BulletinKind.WEEKLY, "一周一快报", BulletinKind.MONTHLY, "一月一调度", BulletinKind.QUARTERLY, "一季一评比");

    private final CommandGateway commands;
    private final EventStore events;
    private final CampaignWindows campaigns;
    private final int campaignFinalWithinDays;
    private final Clock clock;
    private final List<String> peerGroups;
    private final ZoneId zone;
    private final int catchUpPeriods;

    public BulletinSchedule(CommandGateway commands, EventStore events, CampaignWindows campaigns, Clock clock,
                            @Value("${ledger.views.bulletins.peer-groups:}") List<String> peerGroups,
                            @Value("${ledger.views.bulletins.zone:Asia/Shanghai}") ZoneId zone,
                            @Value("${ledger.views.bulletins.catch-up-periods:2}") int catchUpPeriods,
                            @Value("${ledger.views.bulletins.campaign-final-within-days:90}") int campaignFinalWithinDays) {
        this.commands = commands;
        this.events = events;
        this.campaigns = campaigns;
        this.campaignFinalWithinDays = campaignFinalWithinDays;
        this.clock = clock;
        this.peerGroups = peerGroups.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.zone = zone;
        this.catchUpPeriods = catchUpPeriods;
    }

    @Scheduled(initialDelayString = "${ledger.views.bulletins.initial-delay:PT1M}",
            fixedDelayString = "${ledger.views.bulletins.check-interval:PT15M}")
    public void publishDueBulletins() {
        for (PublishBulletinCommand command : due(LocalDate.now(clock.withZone(zone)))) {
            if (events.lastSequenceNumberFor(command.bulletinId()).isPresent()) {
                continue;
            }
            try {
                commands.sendAndWait(command);
                log.info("published bulletin {}", command.bulletinId());
            } catch (ConcurrencyException alreadyPublished) {
                log.debug("bulletin {} was published by another instance", command.bulletinId(), alreadyPublished);
            }
        }
    }

    /**
     * The bulletins due on {@code today}: the last complete periods of each kind, oldest first, for every peer group;
     * then the final bulletin of every campaign that ended (before today, within {@code campaign-final-within-days}).
     */
    List<PublishBulletinCommand> due(LocalDate today) {
        List<PublishBulletinCommand> due = new ArrayList<>();
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate thisMonth = today.withDayOfMonth(1);
        LocalDate thisQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        for (String peerGroup : peerGroups) {
            for (int back = catchUpPeriods; back >= 1; back--) {
                LocalDate week = thisMonday.minusWeeks(back);
                due.add(command(BulletinKind.WEEKLY, peerGroup, week, week.plusDays(6)));
                LocalDate month = thisMonth.minusMonths(back);
                due.add(command(BulletinKind.MONTHLY, peerGroup, month, month.plusMonths(1).minusDays(1)));
                LocalDate quarter = thisQuarter.minusMonths(3L * back);
                due.add(command(BulletinKind.QUARTERLY, peerGroup, quarter, quarter.plusMonths(3).minusDays(1)));
            }
        }
        for (CampaignWindows.Window campaign : campaigns.endedBetween(today.minusDays(campaignFinalWithinDays), today)) {
            due.add(new PublishBulletinCommand("campaign-final-" + campaign.campaignId(), BulletinKind.CAMPAIGN_FINAL,
                    campaign.name() + " 最终通报", null, campaign.campaignId(), campaign.from(), campaign.to()));
        }
        return due;
    }

    private static PublishBulletinCommand command(BulletinKind kind, String peerGroup, LocalDate from, LocalDate to) {
        String id = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + peerGroup + "-" + from;
        return new PublishBulletinCommand(id, kind, TITLES.get(kind) + " " + peerGroup + " " + from + "～" + to,
                peerGroup, null, from, to);
    }
}
