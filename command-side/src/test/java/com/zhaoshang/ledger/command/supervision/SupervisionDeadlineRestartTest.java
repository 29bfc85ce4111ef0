package com.zhaoshang.ledger.command.supervision;

import com.zhaoshang.ledger.api.project.*;
import com.zhaoshang.ledger.api.supervision.ConstructionDeadlineWarningIssuedEvent;
import com.zhaoshang.ledger.api.supervision.ConstructionOverdueEvent;
import com.zhaoshang.ledger.api.supervision.ProjectStalledAfterSigningEvent;
import com.zhaoshang.ledger.api.supervision.SupervisionCaseOpenedEvent;
import com.zhaoshang.ledger.api.unit.RegisterUnitCommand;
import com.zhaoshang.ledger.api.value.*;
import com.zhaoshang.ledger.command.CommandSideApplication;
import com.zhaoshang.ledger.command.clock.MovableClock;
import com.zhaoshang.ledger.testsupport.TestPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4 item 2: deadlines survive restarts. A project is signed; the application stops before the warning is due;
 * a new application on the same database starts after it is due and records the warning (and the stall warning) once;
 * moving its clock past day 181 records the overdue finding once. Time is the demo clock, started where each run
 * needs it ({@code ledger.demo-clock.start}); db-scheduler reads the same clock.
 */
class SupervisionDeadlineRestartTest {

    private static final TestPostgres.Database DB = TestPostgres.newDatabase("rules-restart");
    private static final UnitId CITY = new UnitId("360800");
    private static final Actor ADMIN = new Actor("admin-li", Role.ADMIN, CITY);
    private static final Actor CLERK = new Actor("zhang-wei", Role.FRONT_OFFICE, CITY);
    /** Signed on 2030-01-01 (Asia/Shanghai), at 10:00 local time. */
    private static final LocalDate SIGNED_ON = LocalDate.of(2030, 1, 1);
    private static final Instant SIGNING_TIME = Instant.parse("2030-01-01T02:00:00Z");

    private static ConfigurableApplicationContext start(Instant clockStart) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + DB.jdbcUrl(),
                        "spring.datasource.username=" + DB.username(),
                        "spring.datasource.password=" + DB.password(),
                        "ledger.demo-clock.enabled=true",
                        "ledger.demo-clock.start=" + clockStart,
                        "db-scheduler.polling-interval=500ms")
                .run();
    }

    @Test
    void aDeadlineDueWhileTheApplicationWasDownFiresOnceAfterTheRestart() {
        String project = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start(SIGNING_TIME)) {
            CommandGateway gateway = first.getBean(CommandGateway.class);
            send(gateway, ADMIN, new RegisterUnitCommand(CITY, "吉安市", UnitKind.CITY, null, "city"));
            send(gateway, CLERK, new RegisterLeadCommand(project, "年产5万吨新材料项目", CITY,
                    new Investor("阿尔法新材料有限公司", new CreditCode("91350100M000100Y43"), null, InvestorKind.PRIVATE),
                    IndustryCode.of("C3011"), Channel.DOOR_TO_DOOR, Money.cny("500000000"), SIGNED_ON));
            send(gateway, CLERK, new SignProjectCommand(project, Money.cny("450000000"), null,
                    new ResponsibleLeader("王明", "副区长", "wangming"), SIGNED_ON, null));
            assertThat(scheduledDeadlines(first)).isEqualTo(3);
        }
        // stopped on day 0; restarted on day 151: the warning (day 150) and the stall warning (day 60) are due
        try (ConfigurableApplicationContext second = start(SIGNING_TIME.plus(Duration.ofDays(151)))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> events(second, project, ConstructionDeadlineWarningIssuedEvent.class) == 1
                            && events(second, project, ProjectStalledAfterSigningEvent.class) == 1
                            && scheduledDeadlines(second) == 1);
            assertThat(events(second, project, ConstructionOverdueEvent.class)).isZero();

            second.getBean(MovableClock.class).advance(Duration.ofDays(30)); // day 181
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> events(second, project, ConstructionOverdueEvent.class) == 1
                            && scheduledDeadlines(second) == 1);
            assertThat(events(second, project, ConstructionDeadlineWarningIssuedEvent.class)).isEqualTo(1);
            assertThat(events(second, project, ProjectStalledAfterSigningEvent.class)).isEqualTo(1);
            assertThat(events(second, project, ConstructionOverdueEvent.class)).isEqualTo(1);
            assertThat(events(second, OverdueCaseOpener.caseIdFor(project), SupervisionCaseOpenedEvent.class))
                    .as("the overdue finding opened a supervision case").isEqualTo(1);
            assertThat(second.getBean(JdbcClient.class)
                    .sql("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?")
                    .params(project, ConstructionOverdueEvent.class.getName())
                    .query(String.class).single())
                    .as("recorded at the moved clock's time").startsWith("2030-07");
        }
    }

    private static void send(CommandGateway gateway, Actor actor, Object command) {
        gateway.sendAndWait(command, MetaData.from(actor.asMetaData()));
    }

    private static long events(ConfigurableApplicationContext context, String project, Class<?> type) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?")
                .params(project, type.getName())
                .query(Long.class).single();
    }

    private static long scheduledDeadlines(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'")
                .query(Long.class).single();
    }
}
