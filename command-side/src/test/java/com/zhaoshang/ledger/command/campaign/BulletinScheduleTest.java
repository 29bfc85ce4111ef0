package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.api.campaign.BulletinKind;
import com.zhaoshang.ledger.api.campaign.PublishBulletinCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BulletinScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final EventStore events = mock(EventStore.class);
    private final CampaignWindows campaigns = mock(CampaignWindows.class);

    private BulletinSchedule schedule(Instant now, int catchUp) {
        return new BulletinSchedule(gateway, events, campaigns, Clock.fixed(now, ZoneOffset.UTC), List.of("towns", " "), SHANGHAI,
                catchUp, 90);
    }

    @Test
    void dueBulletinsAreTheLastCompleteWeekMonthQuarterAndYear() {
        // Wednesday 2026-11-18 in Shanghai
        List<PublishBulletinCommand> due = schedule(Instant.parse("2026-11-18T02:00:00Z"), 1).due(LocalDate.of(2026, 11, 18));
        assertThat(due).extracting(PublishBulletinCommand::bulletinId, PublishBulletinCommand::kind,
                        PublishBulletinCommand::from, PublishBulletinCommand::to)
                .containsExactly(
                        tuple("weekly-towns-2026-11-09", BulletinKind.WEEKLY, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)),
                        tuple("monthly-towns-2026-10-01", BulletinKind.MONTHLY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                        tuple("quarterly-towns-2026-07-01", BulletinKind.QUARTERLY, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
                        tuple("annual-towns-2025-01-01", BulletinKind.ANNUAL, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        due.forEach(BulletinRules::check);
    }

    @Test
    void catchUpCoversPeriodsMissedWhileDown() {
        List<PublishBulletinCommand> due = schedule(Instant.parse("2026-01-05T02:00:00Z"), 2).due(LocalDate.of(2026, 1, 5));
        assertThat(due).extracting(PublishBulletinCommand::bulletinId).containsExactly(
                "weekly-towns-2025-12-22", "weekly-towns-2025-12-29", "monthly-towns-2025-11-01", "monthly-towns-2025-12-01",
                "quarterly-towns-2025-07-01", "quarterly-towns-2025-10-01", "annual-towns-2024-01-01", "annual-towns-2025-01-01");
        due.forEach(BulletinRules::check);
    }

    @Test
    void aCampaignGetsItsFinalBulletinOnceItsWindowHasEnded() {
        when(campaigns.endedBetween(LocalDate.of(2012, 7, 3), LocalDate.of(2012, 10, 1))).thenReturn(List.of(
                new CampaignWindows.Window("c-1", "百日会战", LocalDate.of(2012, 7, 1), LocalDate.of(2012, 9, 30))));
        List<PublishBulletinCommand> due = schedule(Instant.parse("2012-10-01T02:00:00Z"), 1).due(LocalDate.of(2012, 10, 1));
        assertThat(due).last().isEqualTo(new PublishBulletinCommand("campaign-final-c-1", BulletinKind.CAMPAIGN_FINAL,
                "百日会战 最终通报", null, "c-1", LocalDate.of(2012, 7, 1), LocalDate.of(2012, 9, 30)));
        due.forEach(BulletinRules::check);
    }

    @Test
    void theDayIsCountedInShanghai() {
        // Sunday 2026-11-15 16:30 UTC is already Monday 2026-11-16 in Shanghai: last week is complete
        schedule(Instant.parse("2026-11-15T16:30:00Z"), 1).publishDueBulletins();
        verify(gateway).sendAndWait(new PublishBulletinCommand("weekly-towns-2026-11-09", BulletinKind.WEEKLY,
                "一周一快报 towns 2026-11-09～2026-11-15", "towns", null, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)));
    }

    @Test
    void publishedBulletinsAreNeverPublishedAgain() {
        when(events.lastSequenceNumberFor(anyString())).thenReturn(Optional.empty());
        when(events.lastSequenceNumberFor("weekly-towns-2026-11-09")).thenReturn(Optional.of(0L));
        when(gateway.sendAndWait(any(PublishBulletinCommand.class))).thenThrow(new ConcurrencyException("exists"));
        schedule(Instant.parse("2026-11-18T02:00:00Z"), 1).publishDueBulletins();
        verify(gateway, times(3)).sendAndWait(any(PublishBulletinCommand.class));
    }

    @Test
    void eachRecurringTaskPublishesItsOwnKind() {
        when(events.lastSequenceNumberFor(anyString())).thenReturn(Optional.empty());
        BulletinSchedule schedule = schedule(Instant.parse("2026-01-01T02:00:00Z"), 1);
        schedule.publishDue(BulletinKind.ANNUAL);
        verify(gateway).sendAndWait(new PublishBulletinCommand("annual-towns-2025-01-01", BulletinKind.ANNUAL,
                "年度考核 towns 2025-01-01～2025-12-31", "towns", null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        schedule.publishDue(BulletinKind.QUARTERLY);
        verify(gateway, times(2)).sendAndWait(any(PublishBulletinCommand.class));
        assertThat(schedule.due(BulletinKind.CAMPAIGN_FINAL, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void aRefusedPublicationDoesNotStopTheOthers() {
        when(events.lastSequenceNumberFor(anyString())).thenReturn(Optional.empty());
        when(gateway.sendAndWait(any(PublishBulletinCommand.class)))
                .thenThrow(new org.axonframework.commandhandling.CommandExecutionException("views behind", null,
                        com.zhaoshang.ledger.api.ErrorCode.UNAVAILABLE));
        schedule(Instant.parse("2026-11-18T02:00:00Z"), 1).publishDueBulletins();
        verify(gateway, times(4)).sendAndWait(any(PublishBulletinCommand.class));
    }
}
