package com.zhaoshang.ledger.command.campaign;

import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schedule is persistent: each kind is a db-scheduler recurring task stored in {@code scheduled_tasks} with its
 * next execution. An execution that fell due while nothing ran (here: moved into the past, as after downtime) runs
 * once as soon as the scheduler polls, publishes the due bulletins, and the task is rescheduled into the future.
 */
@SpringBootTest(classes = CommandSideApplication.class, properties = {
        "ledger.views.bulletins.peer-groups=towns",
        "ledger.views.bulletins.catch-up-periods=1",
        "db-scheduler.polling-interval=1s",
})
@Import(CampaignCommandWebTest.StubRankings.class)
class BulletinScheduleTasksTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("bulletinschedule");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.registerDataSource(registry::add);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aMissedWeeklyRunPublishesOnceAndIsRescheduled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> executionOf("bulletins-weekly") != null);
        assertThat(List.of("bulletins-weekly", "bulletins-monthly", "bulletins-quarterly", "bulletins-annual",
                "bulletins-campaign-final")).allSatisfy(task -> assertThat(executionOf(task)).isAfter(clock.instant()));

        LocalDate monday = LocalDate.now(clock.withZone(SHANGHAI)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        String bulletinId = "weekly-towns-" + monday;
        assertThat(events(bulletinId)).isZero();

        // downtime: the stored execution is in the past
        jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'bulletins-weekly'",
                Timestamp.from(clock.instant().minus(Duration.ofDays(3))));
        await().atMost(Duration.ofSeconds(60)).until(() -> events(bulletinId) == 1
                && executionOf("bulletins-weekly").isAfter(clock.instant()));
        assertThat(events(bulletinId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE 'weekly-%'",
                Long.class)).isEqualTo(1L);

        // a second run of the same week (another instance, a retry) publishes nothing again
        jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'bulletins-weekly'",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))));
        await().atMost(Duration.ofSeconds(60)).until(() -> executionOf("bulletins-weekly").isAfter(clock.instant()));
        assertThat(events(bulletinId)).isEqualTo(1);
    }

    private Instant executionOf(String task) {
        List<Timestamp> times = jdbc.queryForList("SELECT execution_time FROM scheduled_tasks WHERE task_name = ?",
                Timestamp.class, task);
        return times.isEmpty() ? null : times.get(0).toInstant();
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, aggregateId);
    }
}
