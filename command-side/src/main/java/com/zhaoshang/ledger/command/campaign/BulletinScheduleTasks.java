package com.zhaoshang.ledger.command.campaign;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zhaoshang.ledger.api.campaign.BulletinKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The persistent bulletin schedule: one db-scheduler recurring task per kind (table {@code scheduled_tasks}, shared
 * with Axon's deadlines), each on a cron in {@code ledger.views.bulletins.zone} (Asia/Shanghai):
 * {@code bulletins-weekly} (Monday 01:00), {@code bulletins-monthly} (the 1st, 01:00), {@code bulletins-quarterly}
 * (1 January, April, July, October, 01:00), {@code bulletins-annual} (1 January, 02:00) and
 * {@code bulletins-campaign-final} (daily 01:30: the day after a campaign ends). The next execution of each is stored:
 * one missed while the application was down is due at start-up and runs once, then the task is rescheduled.
 * Off with {@code ledger.views.bulletins.schedule-enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.views.bulletins", name = "schedule-enabled", havingValue = "true", matchIfMissing = true)
public class BulletinScheduleTasks {

    @Bean
    public BulletinSchedule bulletinSchedule(CommandGateway commands, EventStore events, CampaignWindows campaigns, Clock clock,
                                             @Value("${ledger.views.bulletins.peer-groups:}") List<String> peerGroups,
                                             @Value("${ledger.views.bulletins.zone:Asia/Shanghai}") ZoneId zone,
                                             @Value("${ledger.views.bulletins.catch-up-periods:2}") int catchUpPeriods,
                                             @Value("${ledger.views.bulletins.campaign-final-within-days:90}") int campaignFinalWithinDays) {
        return new BulletinSchedule(commands, events, campaigns, clock, peerGroups, zone, catchUpPeriods, campaignFinalWithinDays);
    }

    @Bean
    public RecurringTask<Void> weeklyBulletins(BulletinSchedule schedule, @Value("${ledger.views.bulletins.zone:Asia/Shanghai}") ZoneId zone,
                                               @Value("${ledger.views.bulletins.cron.weekly:0 0 1 * * MON}") String cron) {
        return task("bulletins-weekly", cron, zone, schedule, BulletinKind.WEEKLY);
    }

    @Bean
    public RecurringTask<Void> monthlyBulletins(BulletinSchedule schedule, @Value("${ledger.views.bulletins.zone:Asia/Shanghai}") ZoneId zone,
                                                @Value("${ledger.views.bulletins.cron.monthly:0 0 1 1 * *}") String cron) {
        return task("bulletins-monthly", cron, zone, schedule, BulletinKind.MONTHLY);
    }

    @Bean
    public RecurringTask<Void> quarterlyBulletins(BulletinSchedule schedule, @Value("${ledger.views.bulletins.zone:Asia/Shanghai}") ZoneId zone,
                                                  @Value("${ledger.views.bulletins.cron.quarterly:0 0 1 1 1,4,7,10 *}") String cron) {
        return task("bulletins-quarterly", cron, zone, schedule, BulletinKind.QUARTERLY);
    }

    @Bean
    public RecurringTask<Void> annualBulletins(BulletinSchedule schedule, @Value("${ledger.views.bulletins.zone:Asia/Shanghai}") ZoneId zone,
                                               @Value("${ledger.views.bulletins.cron.annual:0 0 2 1 1 *}") String cron) {
        return task("bulletins-annual", cron, zone, schedule, BulletinKind.ANNUAL);
    }

    @Bean
    public RecurringTask<Void> campaignFinalBulletins(BulletinSchedule schedule, @Value("${ledger.views.bulletins.zone:Asia/Shanghai}") ZoneId zone,
                                                      @Value("${ledger.views.bulletins.cron.campaign-final:0 30 1 * * *}") String cron) {
        return task("bulletins-campaign-final", cron, zone, schedule, BulletinKind.CAMPAIGN_FINAL);
    }

    static RecurringTask<Void> task(String name, String cron, ZoneId zone, BulletinSchedule schedule, BulletinKind kind) {
        return Tasks.recurring(name, Schedules.cron(cron, zone))
                .execute((instance, context) -> schedule.publishDue(kind));
    }
}
